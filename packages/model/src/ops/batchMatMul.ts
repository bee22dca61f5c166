import * as tf from '@tensorflow/tfjs-core';
import { matMulGradients } from './matMulGrad';

const batchMatMulOp = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
  const [a, b, save] = args as [tf.Tensor3D, tf.Tensor3D, tf.GradSaveFunc];
  save([a, b]);
  return {
    value: tf.matMul(a, b), // [S, M, K] · [S, K, N] → [S, M, N]
    gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
      const [sa, sb] = saved as [tf.Tensor3D, tf.Tensor3D];
      return matMulGradients(sa, sb, dy); // [S, M, K], [S, K, N]
    },
  };
});

/**
 * Batched `a · b` ([S, M, K] · [S, K, N] → [S, M, N]) whose gradient uses explicit
 * transposes, never `matMul(…, transposeA/B)`, unless the backend registers
 * `PrefoptMatMulGrad` (matMulGrad.ts). One batched call measured at least as fast
 * on wasm as S separate 2-D matmuls (docs/model.md), so the batch stays one op.
 */
export function batchMatMul(a: tf.Tensor3D, b: tf.Tensor3D): tf.Tensor3D {
  return batchMatMulOp(a, b) as tf.Tensor3D;
}
