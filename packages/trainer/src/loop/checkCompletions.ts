import { PrefoptError, type PreferenceBatch } from '@prefopt/core';

/**
 * Rejects a batch with a row that has no completion token, read from `completionMask` on the
 * CPU before any forward pass. Its log-prob sum would be empty and its length 0, which a
 * length-normalised objective divides by. `validateInputs` checks the lengths tensor itself
 * only on backends that read synchronously; this check holds on every backend.
 */
export function checkCompletions(batch: PreferenceBatch): void {
  const { size: B, seqLen: T, completionMask } = batch;
  for (let r = 0; r < 2 * B; r++) {
    let count = 0;
    for (let t = r * T; t < (r + 1) * T; t++) count += completionMask[t];
    if (!(count > 0)) {
      const side = r < B ? 'chosen' : 'rejected';
      throw new PrefoptError(
        'input',
        `batch pair ${r % B}: the ${side} completion has no scored tokens (completionMask row ${r} sums to ${count}); drop pairs whose completion is empty or whose prompt fills the whole row.`,
      );
    }
  }
}
