import * as tf from '@tensorflow/tfjs-core';

const batchMatMulOp = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
  const [a, b, save] = args as [tf.Tensor3D, tf.Tensor3D, tf.GradSaveFunc];
  save([a, b]);
  return {
    value: tf.matMul(a, b), // [S, M, K] · [S, K, N] → [S, M, N]
    gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
      const [sa, sb] = saved as [tf.Tensor3D, tf.Tensor3D];
      return tf.tidy(() => [
        tf.matMul(dy as tf.Tensor3D, tf.transpose(sb, [0, 2, 1])), // [S, M, N]·[S, N, K] → [S, M, K]
        tf.matMul(tf.transpose(sa, [0, 2, 1]), dy as tf.Tensor3D), // [S, K, M]·[S, M, N] → [S, K, N]
      ]);
    },
  };
});

/**
 * Batched `a · b` ([S, M, K] · [S, K, N] → [S, M, N]) whose gradient uses explicit
 * transposes, never `matMul(…, transposeA/B)`. One batched call measured at least as fast
 * on wasm as S separate 2-D matmuls (docs/model.md), so the batch stays one op.
 */
export function batchMatMul(a: tf.Tensor3D, b: tf.Tensor3D): tf.Tensor3D {
  return batchMatMulOp(a, b) as tf.Tensor3D;
}
