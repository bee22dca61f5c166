import * as tf from '@tensorflow/tfjs-core';

/** Added to masked scores: exp underflows to exactly 0 in float32. */
const MASKED = -1e9;

/**
 * Additive attention mask [Tq, Tk] for queries at positions offset … offset+Tq−1 over
 * keys 0 … Tk−1: 0 where key ≤ query position, −1e9 after it.
 */
export function causalMask(queryLen: number, keyLen: number, offset: number): tf.Tensor2D {
  const values = new Float32Array(queryLen * keyLen);
  for (let i = 0; i < queryLen; i++) {
    for (let j = offset + i + 1; j < keyLen; j++) values[i * keyLen + j] = MASKED;
  }
  return tf.tensor2d(values, [queryLen, keyLen]); // [Tq, Tk]
}
