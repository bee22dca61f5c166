import * as tf from '@tensorflow/tfjs-core';

/**
 * Rows `table[ids[i]]`, with a gradient that scatter-adds `dy` back into the rows
 * (ScatterNd sums duplicate ids). tfjs's own Gather gradient uses UnsortedSegmentSum,
 * which the wasm backend does not have.
 */
const gatherRowsOp = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
  const [table, ids, save] = args as [tf.Tensor2D, tf.Tensor1D, tf.GradSaveFunc];
  save([ids]);
  const shape = table.shape;
  return {
    value: tf.gather(table, ids), // [N, D]
    gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
      const [sids] = saved as [tf.Tensor1D];
      return tf.tidy(() => [
        tf.scatterND(tf.reshape(sids, [-1, 1]), dy, shape), // [N, 1], [N, D] → [V, D]
        tf.zerosLike(sids), // ids carry no gradient
      ]);
    },
  };
});

/** `table[ids]`: [V, D] gathered by int32 [N] → [N, D], with a scatter-add gradient. */
export function gatherRows(table: tf.Tensor2D, ids: tf.Tensor1D): tf.Tensor2D {
  return gatherRowsOp(table, ids) as tf.Tensor2D;
}
