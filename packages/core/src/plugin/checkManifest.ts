import { PrefoptError } from '../errors/PrefoptError';
import type { PluginManifest } from './PluginManifest';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const isFn = (v: unknown): v is (...a: unknown[]) => unknown => typeof v === 'function';

/**
 * `value` as a PluginManifest, or one `plugin` error naming `source` and the field that is
 * wrong: a manifest is `{ name, objectives?, backends?, annotators? }` of factories made with
 * defineObjective / defineUnpairedObjective / defineAnnotator and BackendAdapter objects.
 */
export function checkManifest(value: unknown, source: string): PluginManifest {
  const fail = (what: string): never => {
    throw new PrefoptError(
      'plugin',
      `${source}: ${what}. A plugin manifest is { name, objectives?, backends?, annotators? } (see docs/objectives.md).`,
    );
  };
  if (!isObject(value)) return fail(`the manifest is ${String(value)}, not an object`);
  if (typeof value.name !== 'string' || value.name.trim() === '')
    fail('the manifest has no name (a non-empty string)');
  const list = (field: string, ok: (v: unknown) => boolean, expected: string) => {
    const items = value[field];
    if (items === undefined) return;
    if (!Array.isArray(items)) return fail(`${field} is not an array`);
    items.forEach((item, i) => {
      if (!ok(item)) fail(`${field}[${i}] is not ${expected}`);
    });
  };
  list(
    'objectives',
    (f) => isFn(f) && typeof (f as { objectiveName?: unknown }).objectiveName === 'string',
    'an objective factory (made with defineObjective)',
  );
  list(
    'backends',
    (b) =>
      isObject(b) &&
      typeof b.name === 'string' &&
      typeof b.priority === 'number' &&
      isFn(b.isAvailable) &&
      isFn(b.activate),
    'a BackendAdapter ({ name, priority, isAvailable(), activate() })',
  );
  list(
    'annotators',
    (f) => isFn(f) && typeof (f as { annotatorName?: unknown }).annotatorName === 'string',
    'an annotator factory (made with defineAnnotator)',
  );
  return value as unknown as PluginManifest;
}
