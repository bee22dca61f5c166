import * as tf from '@tensorflow/tfjs-core';
import { matMulGradients } from './matMulGrad';

/**
 * `a · b` for 2-D tensors, with a gradient that also uses plain 2-D matmuls and explicit
 * transposes: tfjs's own MatMul gradient calls `matMul(…, transposeA/B)`, a slow path on
 * the wasm backend. A backend registering `PrefoptMatMulGrad` (matMulGrad.ts) runs both
 * gradients its own way (tfjs-node: transpose flags).
 */
const matMul2dOp = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
  const [a, b, save] = args as [tf.Tensor2D, tf.Tensor2D, tf.GradSaveFunc];
  save([a, b]);
  return {
    value: tf.matMul(a, b), // [M, K] · [K, N] → [M, N]
    gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
      const [sa, sb] = saved as [tf.Tensor2D, tf.Tensor2D];
      return matMulGradients(sa, sb, dy); // [M, K], [K, N]
    },
  };
});

/** `a · b` ([M, K] · [K, N] → [M, N]) with a transpose-flag-free gradient. */
export function matMul2d(a: tf.Tensor2D, b: tf.Tensor2D): tf.Tensor2D {
  return matMul2dOp(a, b) as tf.Tensor2D;
}
