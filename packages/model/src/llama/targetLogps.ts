import * as tf from '@tensorflow/tfjs-core';
import { gatherRows } from '../ops/gatherRows';

/**
 * log softmax(logits)[r, target_r] for every row, as logit[target] − logsumexp(logits):
 * numerically stable (logSumExp subtracts the row max) and a gather, never a one-hot
 * product over the vocabulary.
 */
export function targetLogps(
  logits: tf.Tensor2D, // [R, V]
  targets: tf.Tensor1D, // [R] int32
): tf.Tensor1D {
  return tf.tidy(() => {
    const [r, v] = logits.shape;
    const flat = tf.add(
      tf.mul(tf.range(0, r, 1, 'int32'), tf.scalar(v, 'int32')),
      targets,
    ) as tf.Tensor1D; // [R] = r·V + target
    const picked = tf.reshape(gatherRows(tf.reshape(logits, [r * v, 1]), flat), [r]); // [R]
    return tf.sub(picked, tf.logSumExp(logits, 1)) as tf.Tensor1D; // [R]
  });
}
