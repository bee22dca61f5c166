import { statSync } from 'node:fs';
import { join } from 'node:path';
import { PrefoptError } from '@prefopt/core';
import { sha256File } from '@prefopt/trainer';
import type { TrainSettings } from './TrainSettings';

/** What a checkpoint keeps of the command line (`trainer_state.json` → `run`). */
export interface SavedRun {
  /** The run's flags after --config and defaults, with every path made absolute. */
  flags: Record<string, string>;
  /** hashWeights of the reference, once a log-prob cache was keyed by it. */
  referenceWeights?: string;
  /** sha256 of the --data file, so a resume can tell the same data at another path. */
  dataSha256?: string;
}

/** Flags never kept in a checkpoint: they say how to start, not what the run is. */
const NOT_SAVED = ['resume', 'config', 'help', 'overwrite'];
const PATH_FLAGS = ['model', 'tokenizer', 'data', 'evalData', 'precomputeRef', 'out'] as const;

/**
 * The flags to save: as merged, minus start-only flags, with each path replaced by its
 * absolute form (so a resume from another directory finds the same files and --out).
 */
export function flagsToSave(
  flags: Record<string, string | true>,
  s: TrainSettings,
): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [k, v] of Object.entries(flags)) {
    if (!NOT_SAVED.includes(k)) kept[k] = String(v);
  }
  for (const k of PATH_FLAGS) {
    const v = s[k];
    if (typeof v === 'string' && k in kept) kept[k] = v;
  }
  return kept;
}

/**
 * A resumed run's base flags: all saved flags, except that when the command line names
 * another objective, the old objective's options (`--beta`, `--params`, …) are dropped, so
 * they never leak into the new one. `ownFlags`: the command's own flag names (the rest are
 * the objective's).
 */
export function resumeBase(
  saved: Record<string, string>,
  givenObjective: string | true | undefined,
  ownFlags: readonly string[],
): Record<string, string> {
  if (givenObjective === undefined || givenObjective === saved.objective) return saved;
  return Object.fromEntries(Object.entries(saved).filter(([k]) => ownFlags.includes(k)));
}

/** sha256 of the data file (undefined for a folder or anything that is not a plain file). */
export function dataSha256(path: string): string | undefined {
  try {
    return statSync(path).isFile() ? sha256File(path) : undefined;
  } catch {
    return undefined; // loading the data names the path when it is missing
  }
}

/**
 * A checkpoint's `run` (absent for a library-written checkpoint), type-checked: `flags`
 * must map flag names to strings. Anything else is one `checkpoint` error naming the file.
 */
export function readSavedRun(run: unknown, ckptDir: string): SavedRun {
  if (run === null || run === undefined) return { flags: {} };
  const flags = (run as { flags?: unknown }).flags;
  if (
    typeof run !== 'object' ||
    typeof flags !== 'object' ||
    flags === null ||
    Array.isArray(flags) ||
    !Object.values(flags).every((v) => typeof v === 'string')
  ) {
    throw new PrefoptError(
      'checkpoint',
      `${join(ckptDir, 'trainer_state.json')}: "run.flags" must be an object of flag names and string values, got ${JSON.stringify(flags)?.slice(0, 60)}. The checkpoint is damaged; resume from an earlier one.`,
    );
  }
  return run as SavedRun;
}
