import * as tf from '@tensorflow/tfjs';
import type { ObjectiveInputs, ObjectiveOutput } from '@prefopt/core';
import type { NumberInputs, NumberOutput } from './describeObjectiveCase';

/** `NumberInputs` → tensors; the policy pair may be replaced (for gradients). */
export function describeObjectiveTensors(
  x: NumberInputs,
  policy?: { chosen: tf.Tensor1D; rejected: tf.Tensor1D },
): ObjectiveInputs {
  const pair = (p: { chosen: number[]; rejected: number[] }) => ({
    chosen: tf.tensor1d(p.chosen), // [B]
    rejected: tf.tensor1d(p.rejected), // [B]
  });
  return {
    policy: policy ?? pair(x.policy),
    reference: x.reference ? pair(x.reference) : undefined,
    lengths: pair(x.lengths),
  };
}

/** Reads an output back to numbers (does not dispose it). */
export function readObjectiveOutput(out: ObjectiveOutput): NumberOutput {
  return {
    loss: out.loss.dataSync()[0],
    losses: Array.from(out.losses.dataSync()),
    chosenRewards: Array.from(out.chosenRewards.dataSync()),
    rejectedRewards: Array.from(out.rejectedRewards.dataSync()),
  };
}

/** d loss / d policy.{chosen,rejected} by tfjs autodiff, as numbers. */
export function describeObjectiveGrads(
  compute: (inputs: ObjectiveInputs) => ObjectiveOutput,
  x: NumberInputs,
  pick: (out: ObjectiveOutput) => tf.Tensor = (out) => out.loss,
): { chosen: number[]; rejected: number[] } {
  return tf.tidy(() => {
    const f = (c: tf.Tensor, r: tf.Tensor) =>
      pick(
        compute(describeObjectiveTensors(x, { chosen: c as tf.Tensor1D, rejected: r as tf.Tensor1D })),
      ) as tf.Scalar;
    const [gc, gr] = tf.grads((c: tf.Tensor, r: tf.Tensor) => tf.sum(f(c, r)))([
      tf.tensor1d(x.policy.chosen),
      tf.tensor1d(x.policy.rejected),
    ]);
    return { chosen: Array.from(gc.dataSync()), rejected: Array.from(gr.dataSync()) };
  });
}

/** Central finite difference of `f` w.r.t. each policy entry, step h·max(1, |x|). */
export function centralDifference(
  f: (x: NumberInputs) => number,
  x: NumberInputs,
  h: number,
): { chosen: number[]; rejected: number[] } {
  const out = { chosen: [] as number[], rejected: [] as number[] };
  for (const side of ['chosen', 'rejected'] as const) {
    for (let i = 0; i < x.policy[side].length; i++) {
      const step = h * Math.max(1, Math.abs(x.policy[side][i]));
      const shifted = (d: number): NumberInputs => {
        const values = [...x.policy[side]];
        values[i] += d;
        return { ...x, policy: { ...x.policy, [side]: values } };
      };
      out[side].push((f(shifted(step)) - f(shifted(-step))) / (2 * step));
    }
  }
  return out;
}
