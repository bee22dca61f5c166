import * as tf from '@tensorflow/tfjs-core';

/** Added to masked scores: exp underflows to exactly 0 in float32. */
const MASKED = -1e9;

/**
 * Additive attention mask [Tq, Tk] for queries at positions offset … offset+Tq−1 over
 * keys 0 … Tk−1: 0 where key ≤ query position (and, with a sliding `window`, key > query
 * position − window, as transformers' `sliding_window_overlay`), −1e9 elsewhere.
 */
export function causalMask(
  queryLen: number,
  keyLen: number,
  offset: number,
  window?: number,
): tf.Tensor2D {
  const values = new Float32Array(queryLen * keyLen);
  for (let i = 0; i < queryLen; i++) {
    const pos = offset + i;
    for (let j = 0; j < keyLen; j++) {
      if (j > pos || (window !== undefined && j <= pos - window)) values[i * keyLen + j] = MASKED;
    }
  }
  return tf.tensor2d(values, [queryLen, keyLen]); // [Tq, Tk]
}
