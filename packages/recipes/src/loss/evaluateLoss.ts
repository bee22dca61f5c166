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
    const lossOf = (chosen: tf.Tensor, rejected: tf.Tensor) => {
      const side = { chosen: chosen as tf.Tensor1D, rejected: rejected as tf.Tensor1D };
      // + 0·Σ: tf.grads refuses an input the loss ignores (sft ignores rejected); its gradient is 0.
      const unused = tf.mul(0, tf.add(tf.sum(chosen), tf.sum(rejected)));
      return tf.add(
        objective.compute({ policy: side, reference, lengths }).loss,
        unused,
      ) as tf.Scalar;
    };
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
