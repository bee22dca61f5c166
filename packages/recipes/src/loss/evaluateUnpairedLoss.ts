import * as tf from '@tensorflow/tfjs-core';
import { stateFromValues, type UnpairedObjective } from '@prefopt/core';
import type { UnpairedLossInput } from './readUnpairedLossInput';

/** What `prefopt loss` prints for an unpaired objective. */
export interface UnpairedLossReport {
  loss: number;
  losses: number[];
  rewards: number[];
  kl?: number;
  /** A stateful objective's state after this batch. */
  state?: Record<string, number>;
  /** d loss / d policy (summed log-probs of each example). */
  gradPolicy: number[];
}

/** Evaluates an unpaired objective and d loss / d policy; frees every tensor. */
export function evaluateUnpairedLoss(
  objective: UnpairedObjective,
  input: UnpairedLossInput,
): UnpairedLossReport {
  const report = {} as UnpairedLossReport;
  tf.tidy(() => {
    const policy = tf.tensor1d(input.policy, 'float32'); // [N]
    const inputs = {
      policy,
      lengths: tf.tensor1d(input.lengths, 'float32'),
      labels: tf.tensor1d(
        input.labels.map((l) => (l ? 1 : 0)),
        'float32',
      ),
      ...(input.reference ? { reference: tf.tensor1d(input.reference, 'float32') } : {}),
      ...(input.kl
        ? {
            kl: {
              policy: tf.tensor1d(input.kl.policy, 'float32'),
              reference: tf.tensor1d(input.kl.reference, 'float32'),
            },
          }
        : {}),
      ...(objective.state && input.state
        ? { state: stateFromValues(objective.state, input.state) }
        : {}),
    };
    const out = objective.compute(inputs);
    const g = tf.grad(
      (p: tf.Tensor) => objective.compute({ ...inputs, policy: p as tf.Tensor1D }).loss,
    )(policy);
    Object.assign(report, {
      loss: out.loss.dataSync()[0],
      losses: Array.from(out.losses.dataSync()),
      rewards: Array.from(out.rewards.dataSync()),
      ...(out.kl ? { kl: out.kl.dataSync()[0] } : {}),
      ...(out.state
        ? {
            state: Object.fromEntries(
              Object.entries(out.state).map(([k, v]) => [k, v.dataSync()[0]]),
            ),
          }
        : {}),
      gradPolicy: Array.from(g.dataSync()),
    });
  });
  return report;
}
