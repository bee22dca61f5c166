import * as tf from '@tensorflow/tfjs-core';

/** Σ_t tokens·mask per row: [B, T] × [B, T] → [B]. */
export function maskedRowSum(tokens: tf.Tensor2D, mask: tf.Tensor2D): tf.Tensor1D {
  return tf.sum(tf.mul(tokens, mask), 1) as tf.Tensor1D; // [B]
}
