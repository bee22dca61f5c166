import * as tf from '@tensorflow/tfjs-core';
import type { Objective } from '@prefopt/core';
import type { LossInput } from './readLossInput';

/** What `prefopt loss` prints. */
export interface LossReport {
  loss: number;
  losses: number[];
  chosenRewards: number[];
  rejectedRewards: number[];
  /** d loss / d policy.chosen, d loss / d policy.rejected. */
  gradChosen: number[];
  gradRejected: number[];
}

/** Evaluates an objective and the gradient of its loss w.r.t. the policy log-probs; frees every tensor. */
export function evaluateLoss(objective: Objective, input: LossInput): LossReport {
  const pair = (p: { chosen: number[]; rejected: number[] }) => ({
    chosen: tf.tensor1d(p.chosen, 'float32'), // [B]
    rejected: tf.tensor1d(p.rejected, 'float32'), // [B]
  });
  const report = {} as LossReport;
  tf.tidy(() => {
    const lengths = pair(input.lengths);
    const reference = input.reference ? pair(input.reference) : undefined;
    const policy = pair(input.policy);
    const out = objective.compute({ policy, reference, lengths });
    const lossOf = (chosen: tf.Tensor, rejected: tf.Tensor) =>
      objective.compute({
        policy: { chosen: chosen as tf.Tensor1D, rejected: rejected as tf.Tensor1D },
        reference,
        lengths,
      }).loss;
    const [gradChosen, gradRejected] = tf.grads(lossOf)([policy.chosen, policy.rejected]); // [B] each
    Object.assign(report, {
      loss: out.loss.dataSync()[0],
      losses: Array.from(out.losses.dataSync()),
      chosenRewards: Array.from(out.chosenRewards.dataSync()),
      rejectedRewards: Array.from(out.rejectedRewards.dataSync()),
      gradChosen: Array.from(gradChosen.dataSync()),
      gradRejected: Array.from(gradRejected.dataSync()),
    });
  });
  return report;
}
