import * as tf from '@tensorflow/tfjs-core';

/**
 * log(1 − eˣ) for x < 0, accurate on both sides (Mächler 2012): log(−expm1(x)) near 0,
 * log1p(−eˣ) below −ln 2. Each branch sees its input clamped to its own side, so the
 * branch tf.where drops cannot put ∞·0 into the gradient; x is capped at −1e-12 (a
 * per-token log-prob of exactly 0 would make log(1 − eˣ) = −∞).
 */
export function log1mExp(x: tf.Tensor1D): tf.Tensor1D {
  const capped = tf.minimum(x, -1e-12); // [B]
  const nearZero = tf.log(tf.neg(tf.expm1(tf.maximum(capped, -Math.LN2)))); // [B]
  const farBelow = tf.log1p(tf.neg(tf.exp(tf.minimum(capped, -Math.LN2)))); // [B]
  return tf.where(tf.greater(capped, -Math.LN2), nearZero, farBelow) as tf.Tensor1D; // [B]
}
