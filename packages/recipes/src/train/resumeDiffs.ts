import { PrefoptError, type OptionValue } from '@prefopt/core';
import { kebabCase } from '../recipe/kebabCase';
import type { TrainSettings } from './TrainSettings';

/** Settings that change what a run means: a resume that changes one must say so. */
export const MEANING_KEYS = [
  'model',
  'tokenizer',
  'format',
  'template',
  'seed',
  'batchSize',
  'gradAccum',
  'maxLength',
  'maxPromptLength',
] as const satisfies readonly (keyof TrainSettings)[];

export interface RunMeaning {
  settings: TrainSettings;
  objective: { name: string; options: Readonly<Record<string, OptionValue>> };
  dataSha256?: string;
}

const show = (v: unknown) => (v === undefined ? '(unset)' : JSON.stringify(v));

/**
 * Each difference between the checkpoint's run and this one in a setting that changes
 * the run's meaning, as `key: old → new` with kebab-case keys (`--allow-changed` takes
 * those keys). The data counts as changed when its sha256 differs, whatever its path.
 */
export function resumeDiffs(
  before: RunMeaning,
  after: RunMeaning,
): { key: string; text: string }[] {
  const diffs: { key: string; text: string }[] = [];
  const add = (key: string, a: unknown, b: unknown) =>
    diffs.push({ key, text: `${key} ${show(a)} → ${show(b)}` });
  for (const k of MEANING_KEYS) {
    if (show(before.settings[k]) !== show(after.settings[k]))
      add(kebabCase(k), before.settings[k], after.settings[k]);
  }
  if (before.dataSha256 && after.dataSha256 && before.dataSha256 !== after.dataSha256) {
    diffs.push({
      key: 'data',
      text: `data ${before.settings.data} (sha256 ${before.dataSha256.slice(0, 12)}…) → ${after.settings.data} (sha256 ${after.dataSha256.slice(0, 12)}…)`,
    });
  }
  if (before.objective.name !== after.objective.name) {
    add('objective', before.objective.name, after.objective.name);
  } else {
    const keys = new Set([
      ...Object.keys(before.objective.options),
      ...Object.keys(after.objective.options),
    ]);
    for (const k of keys) {
      const [a, b] = [before.objective.options[k], after.objective.options[k]];
      if (show(a) !== show(b)) add(kebabCase(k), a, b);
    }
  }
  return diffs;
}

/** Throws one `config` line listing every difference not allowed by `--allow-changed`. */
export function assertSameMeaning(
  ckptDir: string,
  before: RunMeaning,
  after: RunMeaning,
  allowed: readonly string[],
): void {
  const open = resumeDiffs(before, after).filter((d) => !allowed.includes(d.key));
  if (!open.length) return;
  throw new PrefoptError(
    'config',
    `--resume ${ckptDir}: this run differs from the checkpoint's in ${open.map((d) => d.text).join('; ')}. ` +
      `That changes what the run means: pass --allow-changed ${open.map((d) => d.key).join(',')} to go on anyway, or start a fresh run with another --out.`,
  );
}

/** `--allow-changed a,b --allow-changed c` → ['a', 'b', 'c'] (kebab-case, as listed in the error). */
export function allowedChanges(values: readonly string[] | undefined): string[] {
  return (values ?? [])
    .flatMap((v) => v.split(','))
    .map((k) => kebabCase(k.trim()))
    .filter(Boolean);
}
