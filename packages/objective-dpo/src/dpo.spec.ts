import * as tf from '@tensorflow/tfjs';
import {
  describeObjective,
  expectObjectiveValues,
  objectiveInputTensors,
  type NumberInputs,
  torchObjectiveValues,
} from '@prefopt/testing';
import { describe, expect, it } from 'vitest';
import { dpo } from './dpo';

const logSig = (x: number) => -Math.log1p(Math.exp(-x));

/** Float64 re-statement of DPO / cDPO (Rafailov et al. Eq. 7; TRL sigmoid loss). */
const reference =
  (beta = 0.1, eps = 0) =>
  ({ policy, reference: ref }: NumberInputs) => {
    const cr = policy.chosen.map((p, i) => beta * (p - ref!.chosen[i]));
    const rr = policy.rejected.map((p, i) => beta * (p - ref!.rejected[i]));
    const losses = cr.map((c, i) => -(1 - eps) * logSig(c - rr[i]) - eps * logSig(rr[i] - c));
    const loss = losses.reduce((a, b) => a + b, 0) / losses.length;
    return { loss, losses, chosenRewards: cr, rejectedRewards: rr };
  };

describeObjective(dpo, [
  { title: 'defaults (β 0.1)', reference: reference() },
  {
    title: 'cDPO β 0.5, ε 0.2',
    options: { beta: 0.5, labelSmoothing: 0.2 },
    reference: reference(0.5, 0.2),
  },
]);

describe('dpo', () => {
  // One pair: policy (−10, −12), reference (−11, −11), so z = (−10+11) − (−12+11) = 2.
  // β = 0.5: βz = 1; loss = −log σ(1) = log(1 + e^−1) = 0.3132617;
  //   rewards 0.5·1 = 0.5 and 0.5·(−1) = −0.5;
  //   d loss/d chosen = −β·σ(−1) = −0.5·0.2689414 = −0.1344707, d/d rejected = +0.1344707.
  // ε = 0.25: loss = 0.75·log(1 + e^−1) + 0.25·log(1 + e^1) = 0.2349463 + 0.3283154 = 0.5632617;
  //   d/d chosen = −β·(0.75·σ(−1) − 0.25·σ(1)) = −0.5·(0.2017061 − 0.1827646) = −0.0094707.
  const pair: NumberInputs = {
    policy: { chosen: [-10], rejected: [-12] },
    reference: { chosen: [-11], rejected: [-11] },
    lengths: { chosen: [1], rejected: [1] },
  };

  it('matches the hand-worked numbers', () => {
    const common = { chosenRewards: [0.5], rejectedRewards: [-0.5] };
    expectObjectiveValues(
      dpo({ beta: 0.5 }),
      {
        ...common,
        loss: 0.3132617,
        losses: [0.3132617],
        gradChosen: [-0.1344707],
        gradRejected: [0.1344707],
      },
      pair,
      1e-5,
    );
    expectObjectiveValues(
      dpo({ beta: 0.5, labelSmoothing: 0.25 }),
      {
        ...common,
        loss: 0.5632617,
        losses: [0.5632617],
        gradChosen: [-0.0094707],
      },
      pair,
      1e-4,
    );
  });

  it('matches torch (TRL formula) on the moderate batch', () => {
    expectObjectiveValues(dpo(), torchObjectiveValues('dpo'));
    expectObjectiveValues(
      dpo({ beta: 0.5, labelSmoothing: 0.2 }),
      torchObjectiveValues('dpo beta=0.5 labelSmoothing=0.2'),
    );
  });

  it('rejects β ≤ 0 and ε outside [0, 0.5) naming the option', () => {
    expect(() => dpo({ beta: 0 })).toThrow(/dpo: option 'beta' must be a finite number > 0, got 0/);
    expect(() => dpo({ labelSmoothing: 0.5 })).toThrow(
      /'labelSmoothing' must be a number >= 0 and < 0.5/,
    );
    expect(() => dpo({ beta: -1 })).toThrow(expect.objectContaining({ kind: 'config' }));
  });

  it('rejects inputs without a reference', () => {
    const inputs = objectiveInputTensors({ ...pair, reference: undefined });
    expect(() => dpo().compute(inputs)).toThrow(/requires reference log-probs/);
    tf.dispose(inputs as unknown as tf.TensorContainer);
  });
});
