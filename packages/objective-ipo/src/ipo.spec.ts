import {
  describeObjective,
  expectObjectiveValues,
  type NumberInputs,
  torchObjectiveValues,
} from '@prefopt/testing';
import { describe, expect, it } from 'vitest';
import { ipo } from './ipo';

/** Float64 re-statement of IPO (Azar et al. Eq. 17) on per-token-averaged log-ratios (TRL). */
const reference =
  (beta = 0.1) =>
  ({ policy, reference: ref, lengths }: NumberInputs) => {
    const c = policy.chosen.map((p, i) => (p - ref!.chosen[i]) / lengths.chosen[i]);
    const r = policy.rejected.map((p, i) => (p - ref!.rejected[i]) / lengths.rejected[i]);
    const losses = c.map((ci, i) => (ci - r[i] - 1 / (2 * beta)) ** 2);
    const loss = losses.reduce((a, b) => a + b, 0) / losses.length;
    return {
      loss,
      losses,
      chosenRewards: c.map((v) => beta * v),
      rejectedRewards: r.map((v) => beta * v),
    };
  };

describeObjective(ipo, [
  { title: 'defaults (β 0.1)', reference: reference() },
  { title: 'β 0.5', options: { beta: 0.5 }, reference: reference(0.5) },
]);

describe('ipo', () => {
  // One pair: policy (−10, −12), reference (−11, −11), lengths (2, 4).
  // Averaged log-ratios: chosen (−10+11)/2 = 0.5, rejected (−12+11)/4 = −0.25; z = 0.75.
  // β = 0.5: target 1/(2β) = 1; loss = (0.75 − 1)² = 0.0625.
  //   d loss/d chosen = 2(z − 1)·(1/2) = −0.25; d/d rejected = 2(z − 1)·(−1/4) = 0.125.
  //   rewards β·0.5 = 0.25, β·(−0.25) = −0.125.
  // Summed log-ratios would give z = 2 and (2 − 1)² = 1: the per-token average matters.
  const pair: NumberInputs = {
    policy: { chosen: [-10], rejected: [-12] },
    reference: { chosen: [-11], rejected: [-11] },
    lengths: { chosen: [2], rejected: [4] },
  };

  it('matches the hand-worked numbers', () => {
    expectObjectiveValues(
      ipo({ beta: 0.5 }),
      {
        loss: 0.0625,
        losses: [0.0625],
        chosenRewards: [0.25],
        rejectedRewards: [-0.125],
        gradChosen: [-0.25],
        gradRejected: [0.125],
      },
      pair,
    );
  });

  it('matches torch (TRL formula) on the moderate batch', () => {
    expectObjectiveValues(ipo(), torchObjectiveValues('ipo'));
    expectObjectiveValues(ipo({ beta: 0.5 }), torchObjectiveValues('ipo beta=0.5'));
  });

  it('rejects β ≤ 0 naming the option', () => {
    expect(() => ipo({ beta: -0.1 })).toThrow(/ipo: option 'beta' must be a finite number > 0/);
  });
});
