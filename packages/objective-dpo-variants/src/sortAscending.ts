import * as tf from '@tensorflow/tfjs-core';

/**
 * `x` sorted ascending over the batch, with torch.sort's gradient: each sorted value's
 * gradient goes back to the entry it came from. A custom gradient, so the order (topk's
 * int32 indices) never enters the tape.
 */
const sortWithGradient = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
  const x = args[0] as tf.Tensor1D; // [B]
  const save = args[1] as tf.GradSaveFunc;
  const n = x.shape[0];
  const order = tf.reverse(tf.topk(x, n, true).indices); // [B] int32, ascending order
  save([order]);
  return {
    value: tf.gather(x, order), // [B]
    gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) =>
      tf.scatterND(tf.expandDims(saved[0], 1), dy, [n]), // [B] dy back to each source entry
  };
});

export function sortAscending(x: tf.Tensor1D): tf.Tensor1D {
  return sortWithGradient(x) as tf.Tensor1D;
}
