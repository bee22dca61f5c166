import * as tf from '@tensorflow/tfjs-core';
import type { ObjectiveInputs } from '@prefopt/core';

/** The per-pair log-ratios of a reference-based objective and their implicit rewards. */
export interface LogRatios {
  /** log π(y_w) − log π_ref(y_w), divided by |y_w| when per-token. */
  chosen: tf.Tensor1D; // [B]
  /** log π(y_l) − log π_ref(y_l), divided by |y_l| when per-token. */
  rejected: tf.Tensor1D; // [B]
  /** β·chosen, β·rejected: the rewards these objectives report. */
  chosenRewards: tf.Tensor1D; // [B]
  rejectedRewards: tf.Tensor1D; // [B]
}

/**
 * The preamble every objective of this package shares: the policy/reference log-ratios of
 * both completions (`perToken`: averaged over the completion's tokens) and β times them.
 * For objectives with `requiresReference: true` (inputs are validated to have a reference).
 */
export function logRatios(
  { policy, reference, lengths }: ObjectiveInputs,
  beta: number,
  perToken = false,
): LogRatios {
  const chosenDiff = tf.sub(policy.chosen, reference!.chosen); // [B]
  const rejectedDiff = tf.sub(policy.rejected, reference!.rejected); // [B]
  const chosen = (perToken ? tf.div(chosenDiff, lengths.chosen) : chosenDiff) as tf.Tensor1D; // [B]
  const rejected = (
    perToken ? tf.div(rejectedDiff, lengths.rejected) : rejectedDiff
  ) as tf.Tensor1D; // [B]
  return {
    chosen,
    rejected,
    chosenRewards: tf.mul(beta, chosen) as tf.Tensor1D, // [B]
    rejectedRewards: tf.mul(beta, rejected) as tf.Tensor1D, // [B]
  };
}
