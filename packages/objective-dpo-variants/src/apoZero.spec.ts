import { describeObjective, expectObjectiveValues } from '@prefopt/testing';
import { describe, expect, it } from 'vitest';
import { apoZero } from './apoZero';
import { handPair, sig, pairReference } from './specSupport/pairReference';

const reference = (beta: number) =>
  pairReference(beta, (a, b) => 1 - sig(beta * a) + sig(beta * b));

describeObjective(apoZero, [
  { title: 'defaults (β 0.1)', reference: reference(0.1) },
  { title: 'β 1', options: { beta: 1 }, reference: reference(1) },
]);

// Torch float64 reference, printed by: /usr/bin/python3 tools/reference/objectives.py
// (rows of the cases below, pasted as printed).
const torchValues = {
  'apo-zero': {
    loss: 0.9937496754753014,
    losses: [0.9750052070315793, 1.0437204033574752, 0.9625234160368497],
    chosenRewards: [0.05, -0.07500000000000001, 0.1],
    rejectedRewards: [-0.05, 0.1, -0.05],
    gradChosen: [-0.008328127169370548, -0.008321625560913136, -0.0083125346730964],
    gradRejected: [0.008328127169370548, 0.0083125346730964, 0.008328127169370548],
  },
};

describe('apo-zero', () => {
  // Hand pair, β 1: r_w = 1, r_l = −1. loss = 1 − σ(1) + σ(−1) = 1 − 0.7310586 + 0.2689414 = 0.5378828;
  //   d/d chosen = −σ(1)σ(−1) = −0.1966119; d/d rejected = σ(−1)σ(1) = 0.1966119.
  it('matches the hand-worked numbers', () => {
    expectObjectiveValues(
      apoZero({ beta: 1 }),
      {
        loss: 0.5378828,
        losses: [0.5378828],
        chosenRewards: [1],
        rejectedRewards: [-1],
        gradChosen: [-0.1966119],
        gradRejected: [0.1966119],
      },
      handPair,
    );
  });

  it('matches torch (TRL formula) on the moderate batch', () => {
    expectObjectiveValues(apoZero(), torchValues['apo-zero']);
  });

  it('rejects β ≤ 0', () => {
    expect(() => apoZero({ beta: 0 })).toThrow(
      /apo-zero: option 'beta' must be a finite number > 0/,
    );
  });
});
