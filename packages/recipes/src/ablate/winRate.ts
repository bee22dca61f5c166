import { PrefoptError } from '@prefopt/core';
import type { Generation } from './AblationJob';

/**
 * Win rate of `run`'s generations against `base`'s on the same prompts, by the annotator's
 * score: a higher score wins (1), an equal one ties (½), a lower one loses (0). Null when
 * either side has no scores.
 */
export function winRate(run: readonly Generation[], base: readonly Generation[]): number | null {
  if (run.length === 0 || run.length !== base.length) return null;
  let total = 0;
  for (let i = 0; i < run.length; i++) {
    const a = run[i].score;
    const b = base[i].score;
    if (a === null || b === null) return null;
    if (run[i].prompt !== base[i].prompt) {
      throw new PrefoptError(
        'input',
        `winRate: generation ${i} answers '${run[i].prompt}' but the base answers '${base[i].prompt}'.`,
      );
    }
    total += a > b ? 1 : a === b ? 0.5 : 0;
  }
  return total / run.length;
}
