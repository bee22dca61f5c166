import * as tf from '@tensorflow/tfjs-core';
import type { ObjectiveOutput, PairLogps } from '@prefopt/core';

/** Per-batch sums of what TRL logs, read back in one transfer. */
export interface BatchStats {
  pairs: number;
  loss: number; // the objective's scalar loss (a batch mean)
  chosenRewards: number; // Σ over pairs
  rejectedRewards: number;
  accuracies: number; // Σ [chosen reward > rejected reward]
  margins: number;
  logpsChosen: number;
  logpsRejected: number;
}

/** Reads the metrics of one batch from the objective's output and the policy log-probs. */
export function batchStats(out: ObjectiveOutput, policy: PairLogps): BatchStats {
  const packed = tf.tidy(() => {
    const c = out.chosenRewards; // [B]
    const r = out.rejectedRewards; // [B]
    return tf.stack([
      tf.reshape(out.loss, []),
      tf.sum(c),
      tf.sum(r),
      tf.sum(tf.cast(tf.greater(c, r), 'float32')),
      tf.sum(tf.sub(c, r)),
      tf.sum(policy.chosen),
      tf.sum(policy.rejected),
    ]); // [7]
  });
  const v = packed.dataSync();
  packed.dispose();
  return {
    pairs: out.chosenRewards.shape[0],
    loss: v[0],
    chosenRewards: v[1],
    rejectedRewards: v[2],
    accuracies: v[3],
    margins: v[4],
    logpsChosen: v[5],
    logpsRejected: v[6],
  };
}
