import * as tf from '@tensorflow/tfjs';
import type { tokenLogProbs } from '@prefopt/model';

/**
 * Values of `op` and of d(Σ w·op)/dx under the current backend, on a fixed seeded case:
 * 6 rows over a vocabulary of 11, zero weights standing in for masked prompt tokens.
 */
export function runTokenLogProbsCase(op: typeof tokenLogProbs): number[][] {
  return tf.tidy(() => {
    const x = tf.mul(tf.randomNormal([6, 11], 0, 1, 'float32', 3), 3) as tf.Tensor2D; // [N, V]
    const t = tf.tensor1d([0, 10, 3, 3, 7, 5], 'int32'); // [N]
    const w = tf.tensor1d([1, -2, 0, 0.5, 3, 0]); // [N], zeros as masked prompt tokens
    const g = tf.grad((y: tf.Tensor) => tf.sum(tf.mul(op(y as tf.Tensor2D, t), w)))(x); // [N, V]
    return [Array.from(op(x, t).dataSync()), Array.from(g.dataSync())];
  });
}
