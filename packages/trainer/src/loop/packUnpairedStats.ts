import * as tf from '@tensorflow/tfjs-core';
import type { UnpairedOutput } from '@prefopt/core';

/**
 * packStats' [7] layout for an unpaired batch of N examples, scaled so that MetricsMean's
 * division by the batch's N gives TRL's KTO/BCO metrics: rewards/chosen and logps/chosen
 * are means over desirable examples, …/rejected over undesirable ones, margins their
 * difference, and accuracies the fraction of examples whose reward has the label's sign
 * (reward > 0 for desirable, < 0 for undesirable).
 */
export function packUnpairedStats(
  out: UnpairedOutput,
  policy: tf.Tensor1D, // [N]
  labels: tf.Tensor1D, // [N]
): tf.Tensor1D {
  return tf.tidy(() => {
    const n = labels.shape[0];
    const good = labels; // [N]
    const bad = tf.sub(1, labels); // [N]
    const meanOver = (x: tf.Tensor1D, w: tf.Tensor) =>
      tf.div(tf.sum(tf.mul(x, w)), tf.maximum(tf.sum(w), 1)); // []
    const c = meanOver(out.rewards, good);
    const r = meanOver(out.rewards, bad);
    const right = tf.add(
      tf.mul(good, tf.cast(tf.greater(out.rewards, 0), 'float32')),
      tf.mul(bad, tf.cast(tf.less(out.rewards, 0), 'float32')),
    );
    return tf.stack([
      tf.reshape(out.loss, []),
      tf.mul(c, n),
      tf.mul(r, n),
      tf.sum(right),
      tf.mul(tf.sub(c, r), n),
      tf.mul(meanOver(policy, good), n),
      tf.mul(meanOver(policy, bad), n),
    ]) as tf.Tensor1D; // [7]
  });
}
