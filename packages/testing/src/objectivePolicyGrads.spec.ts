import * as tf from '@tensorflow/tfjs';
import { defineObjective } from '@prefopt/core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { NumberInputs } from './objectiveCase';
import { centralDifference } from './centralDifference';
import { objectivePolicyGrads } from './objectivePolicyGrads';
import { useCpuBackend } from './useCpuBackend';

// Toy: loss = mean(chosen² − 3·rejected) → d/d chosen_i = 2·chosen_i/B, d/d rejected_i = −3/B.
const toy = defineObjective({
  name: 'toy',
  requiresReference: false,
  description: 'toy',
  options: {},
  compute: ({ policy }) => {
    const losses = tf.sub(tf.square(policy.chosen), tf.mul(3, policy.rejected)) as tf.Tensor1D;
    return {
      loss: tf.mean(losses) as tf.Scalar,
      losses,
      chosenRewards: policy.chosen,
      rejectedRewards: policy.rejected,
    };
  },
});
const x: NumberInputs = {
  policy: { chosen: [1, -2], rejected: [5, 7] },
  lengths: { chosen: [1, 1], rejected: [1, 1] },
};

describe('objectivePolicyGrads / centralDifference', () => {
  beforeAll(async () => {
    await useCpuBackend();
  });

  it('autodiff gives the worked gradient and frees its tensors', () => {
    const before = tf.memory().numTensors;
    const g = objectivePolicyGrads((i) => toy().compute(i), x);
    expect(g).toEqual({ chosen: [1, -2], rejected: [-1.5, -1.5] });
    expect(tf.memory().numTensors).toBe(before);
  });

  it('central differences give the same in float64 and float32 modes', () => {
    const f = (y: NumberInputs) =>
      (y.policy.chosen[0] ** 2 +
        y.policy.chosen[1] ** 2 -
        3 * (y.policy.rejected[0] + y.policy.rejected[1])) /
      2;
    for (const [h, mode] of [
      [1e-6, 'float64'],
      [1e-2, 'float32'],
    ] as const) {
      const fd = centralDifference(f, x, h, mode);
      fd.chosen.forEach((v, i) => expect(v).toBeCloseTo([1, -2][i], 6));
      fd.rejected.forEach((v) => expect(v).toBeCloseTo(-1.5, 6));
    }
  });
});
