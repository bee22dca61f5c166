import * as tf from '@tensorflow/tfjs';

/** rmsNorm as plain tfjs ops (x·w / sqrt(mean(x²) + eps)), differentiated by tfjs. */
export function unfusedRmsNorm(x: tf.Tensor2D, w: tf.Tensor1D, eps: number): tf.Tensor2D {
  return tf.mul(
    tf.mul(x, tf.rsqrt(tf.add(tf.mean(tf.square(x), -1, true), eps))),
    w,
  ) as tf.Tensor2D; // [M, D]
}

/** scaledMaskedSoftmax as plain tfjs ops: softmax(x·scale + mask) over the last axis. */
export const unfusedScaledMaskedSoftmax = (x: tf.Tensor3D, m: tf.Tensor2D, s: number) =>
  tf.softmax(tf.add(tf.mul(x, s), m), -1) as tf.Tensor3D; // [S, Tq, Tk]

/** A causal additive mask [T, T]: −1e9 above the diagonal, as the model builds it. */
export function causalMask(t: number): tf.Tensor2D {
  return tf.tidy(
    () => tf.mul(tf.sub(1, tf.linalg.bandPart(tf.ones([t, t]), -1, 0)), -1e9) as tf.Tensor2D,
  );
}
