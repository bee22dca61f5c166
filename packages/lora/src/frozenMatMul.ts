import * as tf from '@tensorflow/tfjs-core';

/**
 * `x · W` ([M, K] · [K, N] → [M, N]) whose gradient flows to `x` only: W is not an input of
 * the op, so the backward pass never computes the [K, N] weight gradient of a frozen base
 * weight (tfjs computes every input's gradient of an op on the path). W is saved with the
 * op, so it may be an intermediate (the tied head's transposed embedding).
 */
export function frozenMatMul(x: tf.Tensor2D, w: tf.Tensor2D): tf.Tensor2D {
  const op = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [input, save] = args as [tf.Tensor2D, tf.GradSaveFunc];
    save([w]);
    return {
      value: tf.matMul(input, w), // [M, N]
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) =>
        tf.matMul(dy as tf.Tensor2D, tf.transpose(saved[0] as tf.Tensor2D)), // [M, N] · [N, K]
    };
  });
  return op(x) as tf.Tensor2D;
}
