import * as tf from '@tensorflow/tfjs-core';
import type { ObjectiveOutput, PairLogps } from '@prefopt/core';

/**
 * The per-batch sums of what TRL logs, packed into one tensor so that `readBatchStats` reads
 * them back in one asynchronous transfer: [loss, Σ chosen rewards, Σ rejected rewards,
 * Σ [chosen > rejected], Σ margins, Σ policy chosen log-probs, Σ policy rejected log-probs].
 * Returns a new [7] tensor (the caller disposes it); nothing else outlives the call.
 */
export function packStats(out: ObjectiveOutput, policy: PairLogps): tf.Tensor1D {
  return tf.tidy(() => {
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
    ]) as tf.Tensor1D; // [7]
  });
}
