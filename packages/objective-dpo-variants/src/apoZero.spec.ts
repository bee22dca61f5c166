import { describeObjective, expectObjectiveValues, torchObjectiveValues } from '@prefopt/testing';
import { describe, expect, it } from 'vitest';
import { apoZero } from './apoZero';
import { handPair, sig, pairReference } from './specSupport/pairReference';

const reference = (beta: number) =>
  pairReference(beta, (a, b) => 1 - sig(beta * a) + sig(beta * b));

describeObjective(apoZero, [
  { title: 'defaults (β 0.1)', reference: reference(0.1) },
  { title: 'β 1', options: { beta: 1 }, reference: reference(1) },
]);

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
    expectObjectiveValues(apoZero(), torchObjectiveValues('apo-zero'));
  });

  it('rejects β ≤ 0', () => {
    expect(() => apoZero({ beta: 0 })).toThrow(
      /apo-zero: option 'beta' must be a finite number > 0/,
    );
  });
});
