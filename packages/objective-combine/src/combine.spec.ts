import * as tf from '@tensorflow/tfjs';
import { PrefoptError, defineObjective } from '@prefopt/core';
import {
  describeObjective,
  expectObjectiveValues,
  objectiveInputTensors,
  type NumberInputs,
} from '@prefopt/testing';
import { describe, expect, it } from 'vitest';
import { combine } from './combine';

// Two toy parts, so this spec depends on no other objective package:
//   lin (reference-free): loss_i = rejected_i − chosen_i; rewards = policy log-probs
//   sq (needs a reference): loss_i = (chosen_i − ref.chosen_i)²; rewards = the log-ratios
const lin = defineObjective({
  name: 'lin',
  requiresReference: false,
  description: 'toy',
  options: {},
  compute: ({ policy }) => {
    const losses = tf.sub(policy.rejected, policy.chosen) as tf.Tensor1D;
    return {
      loss: tf.mean(losses) as tf.Scalar,
      losses,
      chosenRewards: policy.chosen,
      rejectedRewards: policy.rejected,
    };
  },
});
const sq = defineObjective({
  name: 'sq',
  requiresReference: true,
  description: 'toy',
  options: {},
  compute: ({ policy, reference }) => {
    const d = tf.sub(policy.chosen, reference!.chosen) as tf.Tensor1D;
    const losses = tf.square(d) as tf.Tensor1D;
    return { loss: tf.mean(losses) as tf.Scalar, losses, chosenRewards: d, rejectedRewards: d };
  },
});

const twoParts = () =>
  combine([
    { objective: lin(), weight: 2 },
    { objective: sq(), weight: 0.5 },
  ]);

/** Float64: 2·lin + 0.5·sq, rewards from lin (the first part). */
const reference = ({ policy, reference: ref }: NumberInputs) => {
  const losses = policy.chosen.map(
    (c, i) => 2 * (policy.rejected[i] - c) + 0.5 * (c - ref!.chosen[i]) ** 2,
  );
  return {
    loss: losses.reduce((a, b) => a + b, 0) / losses.length,
    losses,
    chosenRewards: policy.chosen,
    rejectedRewards: policy.rejected,
  };
};

describeObjective(twoParts, [{ title: '2·lin + 0.5·sq', reference }]);

describe('combine', () => {
  // chosen (−1, −2), rejected (−3, −1), reference chosen (−2, −2):
  //   lin losses (−3+1, −1+2) = (−2, 1); sq losses ((−1+2)², 0²) = (1, 0)
  //   combined losses 2·(−2, 1) + 0.5·(1, 0) = (−3.5, 2); loss = 2·(−0.5) + 0.5·0.5 = −0.75
  //   d/d chosen = 2·(−½, −½) + 0.5·(2·1/2, 0) = (−0.5, −1); d/d rejected = 2·(½, ½) = (1, 1)
  const batch: NumberInputs = {
    policy: { chosen: [-1, -2], rejected: [-3, -1] },
    reference: { chosen: [-2, -2], rejected: [-1, -1] },
    lengths: { chosen: [1, 1], rejected: [1, 1] },
  };

  it('is the weighted sum, with the first part’s rewards', () => {
    expectObjectiveValues(
      twoParts(),
      {
        loss: -0.75,
        losses: [-3.5, 2],
        chosenRewards: [-1, -2],
        rejectedRewards: [-3, -1],
        gradChosen: [-0.5, -1],
        gradRejected: [1, 1],
      },
      batch,
    );
  });

  it('requires a reference iff a part does, and lists weights and options', () => {
    const c = twoParts();
    expect(c.requiresReference).toBe(true);
    expect(combine([{ objective: lin(), weight: 1 }]).requiresReference).toBe(false);
    expect(c.options).toEqual({ 'lin.weight': 2, 'sq.weight': 0.5 });
    const inputs = objectiveInputTensors({ ...batch, reference: undefined });
    expect(() => c.compute(inputs)).toThrow(/combine: requires reference log-probs/);
    tf.dispose(inputs as unknown as tf.TensorContainer);
  });

  it('carries factory metadata: its name (the objectives it makes), description, no options', () => {
    expect(combine.objectiveName).toBe('combine');
    expect(twoParts().name).toBe(combine.objectiveName);
    expect(combine.description).toMatch(/weighted sum/);
    expect(combine.options).toEqual({});
    expect(combine.data).toBe('paired');
    expect(Object.isFrozen(combine)).toBe(true);
  });

  it('rejects no parts, negative or all-zero weights with config errors', () => {
    expect(() => combine([])).toThrow(/at least one/);
    expect(() => combine([{ objective: lin(), weight: -1 }])).toThrow(
      /weight of part 0 \(lin\) must be a finite number >= 0, got -1/,
    );
    expect(() => combine([{ objective: lin(), weight: 0 }])).toThrow(/every weight is 0/);
    try {
      combine([{ objective: lin(), weight: Number.NaN }]);
    } catch (e) {
      expect(PrefoptError.is(e, 'config')).toBe(true);
    }
  });
});

describe('combine, objective contract v2', () => {
  it('declares the union of its parts’ per-token needs and refuses stateful parts', () => {
    const perToken = defineObjective({
      name: 'per-token-part',
      requiresReference: false,
      description: 'needs tokens',
      needs: { tokenLogps: true },
      options: {},
      compute: ({ policy }) => ({
        loss: tf.mean(policy.chosen) as tf.Scalar,
        losses: policy.chosen,
        chosenRewards: policy.chosen,
        rejectedRewards: policy.rejected,
      }),
    });
    const stateful = defineObjective({
      name: 'stateful-part',
      requiresReference: false,
      description: 'carries state',
      state: { initial: { n: 0 }, description: 'count' },
      options: {},
      compute: ({ policy }) => ({
        loss: tf.mean(policy.chosen) as tf.Scalar,
        losses: policy.chosen,
        chosenRewards: policy.chosen,
        rejectedRewards: policy.rejected,
      }),
    });
    const c = combine([
      { objective: lin(), weight: 1 },
      { objective: perToken(), weight: 1 },
    ]);
    expect(c.needs?.tokenLogps).toBe(true);
    expect(combine([{ objective: lin(), weight: 1 }]).needs).toBeUndefined();
    expect(() => combine([{ objective: stateful(), weight: 1 }])).toThrow(
      /part 'stateful-part' carries state/,
    );
  });
});
