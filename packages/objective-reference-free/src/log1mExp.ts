import * as tf from '@tensorflow/tfjs-core';

/**
 * log(1 − eˣ) for x < 0, as log(−expm1(x)): exact near 0, where 1 − eˣ cancels; for very
 * negative x it rounds to 0 with an absolute error below eˣ. x is capped at −1e-12 (an
 * average log-prob of exactly 0 would give −∞). Branch-free, so its gradient is plain:
 * d/dx = eˣ / expm1(x).
 */
export function log1mExp(x: tf.Tensor1D): tf.Tensor1D {
  return tf.log(tf.neg(tf.expm1(tf.minimum(x, -1e-12)))) as tf.Tensor1D; // [B]
}
