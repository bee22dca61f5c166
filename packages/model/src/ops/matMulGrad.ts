import * as tf from '@tensorflow/tfjs-core';
import { PrefoptMatMulGrad as MATMUL_GRAD } from '@prefopt/core';

/**
 * [da, db] of `a · b` for rank-2 ([M, K]·[K, N]) or same-batch rank-3 ([S, M, K]·[S, K, N])
 * operands: the backend's `PrefoptMatMulGrad` where registered, else plain matmuls and
 * explicit transposes (never `matMul(…, transposeA/B)`, a slow path on wasm).
 */
export function matMulGradients(a: tf.Tensor, b: tf.Tensor, dy: tf.Tensor): [tf.Tensor, tf.Tensor] {
  if (tf.getKernel(MATMUL_GRAD, tf.getBackend()) !== undefined) {
    return tf.engine().runKernel(MATMUL_GRAD, { a, b, dy }) as [tf.Tensor, tf.Tensor];
  }
  const perm = a.rank === 2 ? [1, 0] : [0, 2, 1];
  return tf.tidy(() => [
    tf.matMul(dy as tf.Tensor3D, tf.transpose(b, perm) as tf.Tensor3D), // dy · bᵀ
    tf.matMul(tf.transpose(a, perm) as tf.Tensor3D, dy as tf.Tensor3D), // aᵀ · dy
  ]);
}
