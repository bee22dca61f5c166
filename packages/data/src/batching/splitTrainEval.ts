import { PrefoptError } from '@prefopt/core';
import { seededPermutation } from './seededPermutation';

/** A seeded split: `evalSize` items, or `round(n · evalFraction)` of them, held out. */
export interface SplitOptions {
  evalFraction?: number;
  evalSize?: number;
  seed?: number;
}

/** The seed stream the split draws from (epochs use 0, 1, ...; far from them). */
const SPLIT_STREAM = 0x5eed;

/**
 * Splits items into train and eval sets by a seeded permutation: the same seed gives the
 * same split on every run; each set keeps the items' original order.
 */
export function splitTrainEval<T>(
  items: readonly T[],
  options: SplitOptions,
): { train: T[]; eval: T[] } {
  const n = items.length;
  const { evalFraction, evalSize } = options;
  let k: number;
  if (evalSize !== undefined) {
    if (!Number.isInteger(evalSize) || evalSize < 0 || evalSize >= n) {
      throw new PrefoptError(
        'config',
        `eval split size must be an integer in [0, ${n}) for ${n} pairs, got ${evalSize}.`,
      );
    }
    k = evalSize;
  } else {
    if (evalFraction === undefined || !(evalFraction >= 0 && evalFraction < 1)) {
      throw new PrefoptError(
        'config',
        `--eval-split must be a fraction in [0, 1), got ${evalFraction}.`,
      );
    }
    k = Math.round(n * evalFraction);
    if (evalFraction > 0 && k === 0 && n > 1) k = 1;
  }
  const held = new Set(seededPermutation(n, options.seed ?? 0, SPLIT_STREAM).slice(0, k));
  const train: T[] = [];
  const evalSet: T[] = [];
  items.forEach((item, i) => (held.has(i) ? evalSet : train).push(item));
  return { train, eval: evalSet };
}
