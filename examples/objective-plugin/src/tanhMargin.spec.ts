import {
  describeObjective,
  expectObjectiveValues,
  type NumberInputs,
  torchObjectiveValues,
} from '@prefopt/testing';
import { describe, expect, it } from 'vitest';
import { tanhMargin } from './tanhMargin';

/** Float64 re-statement: h = β·(avg chosen − avg rejected) − γ, loss_i = ½(1 − tanh h). */
const reference =
  (beta = 2, gamma = 0.5) =>
  ({ policy, lengths }: NumberInputs) => {
    const cr = policy.chosen.map((p, i) => (beta * p) / lengths.chosen[i]);
    const rr = policy.rejected.map((p, i) => (beta * p) / lengths.rejected[i]);
    const losses = cr.map((c, i) => 0.5 * (1 - Math.tanh(c - rr[i] - gamma)));
    const loss = losses.reduce((a, b) => a + b, 0) / losses.length;
    return { loss, losses, chosenRewards: cr, rejectedRewards: rr };
  };

// The same conformance suite every bundled objective runs.
describeObjective(tanhMargin, [
  { title: 'defaults (β 2, γ 0.5)', reference: reference() },
  { title: 'β 1, γ 0', options: { beta: 1, gamma: 0 }, reference: reference(1, 0) },
]);

describe('tanh-margin', () => {
  // One pair: summed log-probs (−6, −12), lengths (3, 4): averages −2, −3; β 2: rewards −4, −6.
  // γ 2: h = −4 + 6 − 2 = 0 → loss ½(1 − tanh 0) = 0.5; d loss/d h = −½(1 − tanh² 0) = −0.5,
  //   d/d chosen = −0.5·β/3 = −0.3333333, d/d rejected = 0.5·β/4 = 0.25.
  // γ 1: h = 1 → loss ½(1 − 0.7615942) = 0.1192029.
  const pair: NumberInputs = {
    policy: { chosen: [-6], rejected: [-12] },
    lengths: { chosen: [3], rejected: [4] },
  };

  it('matches the hand-worked numbers', () => {
    expectObjectiveValues(
      tanhMargin({ beta: 2, gamma: 2 }),
      {
        loss: 0.5,
        losses: [0.5],
        chosenRewards: [-4],
        rejectedRewards: [-6],
        gradChosen: [-0.3333333],
        gradRejected: [0.25],
      },
      pair,
    );
    expectObjectiveValues(
      tanhMargin({ beta: 2, gamma: 1 }),
      { loss: 0.1192029, losses: [0.1192029], chosenRewards: [-4], rejectedRewards: [-6] },
      pair,
    );
  });

  it('matches torch on the moderate batch', () => {
    expectObjectiveValues(tanhMargin(), torchObjectiveValues('tanh-margin'));
  });

  it('rejects bad options naming them', () => {
    expect(() => tanhMargin({ gamma: -1 })).toThrow(
      /tanh-margin: option 'gamma' must be a finite number >= 0/,
    );
  });
});
