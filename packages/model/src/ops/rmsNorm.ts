import * as tf from '@tensorflow/tfjs-core';

/** RMSNorm over the last axis: x / sqrt(mean(x²) + ε) · weight. */
export function rmsNorm(x: tf.Tensor2D, weight: tf.Tensor1D, eps: number): tf.Tensor2D {
  return tf.tidy(() => {
    const meanSquare = tf.mean(tf.square(x), -1, true); // [M, 1]
    return tf.mul(tf.mul(x, tf.rsqrt(tf.add(meanSquare, eps))), weight) as tf.Tensor2D; // [M, D]
  });
}
