import { createHash } from 'node:crypto';
import type { PreferenceBatch } from '@prefopt/core';

/**
 * A content key per pair of a batch: SHA-1 of its chosen and rejected rows up to their
 * last completion token, with the masks. The same pair tokenised the same way has the same
 * key in any batch, order, batch size or padding length, which is what lets a reference
 * cache serve later runs and other objectives on the same data.
 */
export function pairKeys(batch: PreferenceBatch): string[] {
  const { size: B, seqLen: T, inputIds, completionMask } = batch;
  const keys: string[] = [];
  for (let b = 0; b < B; b++) {
    const h = createHash('sha1');
    for (const row of [b, B + b]) {
      let end = 0;
      for (let t = 0; t < T; t++) if (completionMask[row * T + t] !== 0) end = t + 1;
      const ids = Int32Array.from(inputIds.subarray(row * T, row * T + end));
      const mask = Uint8Array.from(completionMask.subarray(row * T, row * T + end), (m) =>
        m ? 1 : 0,
      );
      h.update(Buffer.from(ids.buffer)).update(Buffer.from(mask.buffer)).update('|');
    }
    keys.push(h.digest('base64url'));
  }
  return keys;
}
