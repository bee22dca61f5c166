import * as tf from '@tensorflow/tfjs-core';

/** Per-slice 2-D products of [S, M, K] and [S, K, N], stacked to [S, M, N]. */
function slicedMatMul(a: tf.Tensor3D, b: tf.Tensor3D): tf.Tensor3D {
  return tf.tidy(() => {
    const as = tf.unstack(a) as tf.Tensor2D[]; // S × [M, K]
    const bs = tf.unstack(b) as tf.Tensor2D[]; // S × [K, N]
    return tf.stack(as.map((ai, i) => tf.matMul(ai, bs[i]))) as tf.Tensor3D; // [S, M, N]
  });
}

const batchMatMulOp = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
  const [a, b, save] = args as [tf.Tensor3D, tf.Tensor3D, tf.GradSaveFunc];
  save([a, b]);
  return {
    value: slicedMatMul(a, b), // [S, M, N]
    gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
      const [sa, sb] = saved as [tf.Tensor3D, tf.Tensor3D];
      return tf.tidy(() => [
        slicedMatMul(dy as tf.Tensor3D, tf.transpose(sb, [0, 2, 1])), // [S, M, N]·[S, N, K] → [S, M, K]
        slicedMatMul(tf.transpose(sa, [0, 2, 1]), dy as tf.Tensor3D), // [S, K, M]·[S, M, N] → [S, K, N]
      ]);
    },
  };
});

/**
 * Batched `a · b` ([S, M, K] · [S, K, N] → [S, M, N]) as S plain 2-D matmuls, forward and
 * backward: the wasm backend has a fast 2-D MatMul but a slow batched / transposed one.
 */
export function batchMatMul(a: tf.Tensor3D, b: tf.Tensor3D): tf.Tensor3D {
  return batchMatMulOp(a, b) as tf.Tensor3D;
}
