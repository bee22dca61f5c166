import { describeObjective, expectObjectiveValues, torchObjectiveValues } from '@prefopt/testing';
import { describe, expect, it } from 'vitest';
import { hinge } from './hinge';
import { handPair, pairReference } from './specSupport/pairReference';

const reference = (beta: number) => pairReference(beta, (a, b) => Math.max(0, 1 - beta * (a - b)));

describeObjective(hinge, [
  { title: 'defaults (β 0.1)', reference: reference(0.1) },
  { title: 'β 0.3', options: { beta: 0.3 }, reference: reference(0.3) },
]);

describe('hinge', () => {
  // Hand pair: z = 2. β 0.25: 1 − 0.5 = 0.5 → loss 0.5, d/d chosen = −β = −0.25, d/d rejected = 0.25.
  // β 1: 1 − 2 < 0 → loss 0 and zero gradient (the margin is met).
  it('matches the hand-worked numbers', () => {
    expectObjectiveValues(
      hinge({ beta: 0.25 }),
      {
        loss: 0.5,
        losses: [0.5],
        chosenRewards: [0.25],
        rejectedRewards: [-0.25],
        gradChosen: [-0.25],
        gradRejected: [0.25],
      },
      handPair,
    );
    expectObjectiveValues(
      hinge({ beta: 1 }),
      {
        loss: 0,
        losses: [0],
        chosenRewards: [1],
        rejectedRewards: [-1],
        gradChosen: [0],
        gradRejected: [0],
      },
      handPair,
    );
  });

  it('matches torch (TRL hinge) on the moderate batch', () => {
    expectObjectiveValues(hinge(), torchObjectiveValues('hinge'));
  });

  it('rejects β ≤ 0', () => {
    expect(() => hinge({ beta: -1 })).toThrow(/hinge: option 'beta' must be a finite number > 0/);
  });
});
