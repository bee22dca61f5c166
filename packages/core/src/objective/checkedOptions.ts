import { PrefoptError } from '../errors/PrefoptError';
import type { OptionSpecs, OptionValues } from './OptionSpec';
import { resolveOptions } from './resolveOptions';

/** An objective's name must be lower-case kebab-case (it is a CLI value and a folder name). */
export function checkObjectiveName(name: string): void {
  if (!/^[a-z][a-z0-9-]*$/.test(name)) {
    throw new PrefoptError('config', `objective name '${name}' must be lower-case kebab-case.`);
  }
}

/**
 * The options a factory was called with, checked against their specs (defaults filled in,
 * frozen) and by the definition's own cross-option rule: what every objective factory,
 * paired or unpaired, does first.
 */
export function checkedOptions<S extends OptionSpecs>(
  name: string,
  specs: S,
  given: unknown,
  validate?: (options: OptionValues<S>) => void,
): OptionValues<S> {
  if (typeof given !== 'object' || given === null || Array.isArray(given)) {
    throw new PrefoptError(
      'config',
      `${name}: options must be an object, got ${JSON.stringify(given)}.`,
    );
  }
  const options = Object.freeze(
    resolveOptions(name, specs, given as Record<string, unknown>),
  ) as OptionValues<S>;
  validate?.(options);
  return options;
}
