import * as tf from '@tensorflow/tfjs';
import type { ObjectiveInputs, ObjectiveOutput } from '@prefopt/core';
import type { NumberInputs, PairNumbers } from './objectiveCase';
import { objectiveInputTensors } from './objectiveInputTensors';

/**
 * Gradient of `pick(output)` (default: `loss`) w.r.t. policy.chosen and policy.rejected by
 * tfjs autodiff, read back to numbers; every tensor it makes is released.
 */
export function objectivePolicyGrads(
  compute: (inputs: ObjectiveInputs) => ObjectiveOutput,
  x: NumberInputs,
  pick: (out: ObjectiveOutput) => tf.Tensor = (out) => out.loss,
): PairNumbers {
  return tf.tidy(() => {
    const f = (c: tf.Tensor, r: tf.Tensor): tf.Scalar => {
      const policy = { chosen: c as tf.Tensor1D, rejected: r as tf.Tensor1D };
      // + 0·Σ: tf.grads refuses an input the result ignores (sft ignores rejected).
      const unused = tf.mul(0, tf.add(tf.sum(c), tf.sum(r)));
      return tf.add(tf.sum(pick(compute(objectiveInputTensors(x, policy)))), unused);
    };
    const [gc, gr] = tf.grads(f)([tf.tensor1d(x.policy.chosen), tf.tensor1d(x.policy.rejected)]);
    return { chosen: Array.from(gc.dataSync()), rejected: Array.from(gr.dataSync()) };
  });
}
