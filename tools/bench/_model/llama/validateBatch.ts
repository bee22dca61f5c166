import { PrefoptError } from '@prefopt/core';
import type { PreferenceBatch } from '@prefopt/core';

/** Checks a PreferenceBatch against the model before any compute; `input` errors name the field. */
export function validateBatch(batch: PreferenceBatch, vocab: number, maxSeqLen: number): void {
  const { size: b, seqLen: t, inputIds, completionMask } = batch;
  if (!Number.isInteger(b) || b < 1) {
    throw new PrefoptError('input', `PreferenceBatch.size must be a positive integer, got ${b}.`);
  }
  if (!Number.isInteger(t) || t < 2 || t > maxSeqLen) {
    throw new PrefoptError(
      'input',
      `PreferenceBatch.seqLen must be an integer in [2, ${maxSeqLen}] (the model's seqLen), got ${t}; truncate longer pairs.`,
    );
  }
  const n = 2 * b * t;
  if (inputIds.length !== n || completionMask.length !== n) {
    throw new PrefoptError(
      'input',
      `PreferenceBatch arrays must hold 2·size·seqLen = ${n} values; inputIds has ${inputIds.length}, completionMask ${completionMask.length}.`,
    );
  }
  for (let i = 0; i < n; i++) {
    const id = inputIds[i];
    if (id < 0 || id >= vocab) {
      throw new PrefoptError(
        'input',
        `PreferenceBatch.inputIds[${i}] = ${id} is outside the model's vocabulary [0, ${vocab}); pad with a valid id (the mask hides it).`,
      );
    }
  }
}
