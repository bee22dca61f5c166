import * as tf from '@tensorflow/tfjs-core';

/**
 * `x` sorted ascending over the batch, differentiable (torch.sort's values): the order
 * comes from topk's indices (no gradient), the values from a gather (gradient flows back
 * to each entry's own position).
 */
export function sortAscending(x: tf.Tensor1D): tf.Tensor1D {
  const n = x.shape[0];
  const { indices } = tf.topk(x, n, true); // [B] descending order
  return tf.gather(x, tf.reverse(indices)) as tf.Tensor1D; // [B] ascending
}
