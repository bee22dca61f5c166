import * as tf from '@tensorflow/tfjs';
import type { ObjectiveInputs } from '@prefopt/core';
import type { NumberInputs } from './objectiveCase';

/** `NumberInputs` → tensors; the policy pair may be replaced (to take gradients). */
export function objectiveInputTensors(
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
