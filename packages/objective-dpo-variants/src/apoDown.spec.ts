import { describeObjective, expectObjectiveValues, torchObjectiveValues } from '@prefopt/testing';
import { describe, expect, it } from 'vitest';
import { apoDown } from './apoDown';
import { handPair, sig, pairReference } from './specSupport/pairReference';

const reference = (beta: number) =>
  pairReference(beta, (a, b) => sig(beta * a) + 1 - sig(beta * (a - b)));

describeObjective(apoDown, [
  { title: 'defaults (β 0.1)', reference: reference(0.1) },
  { title: 'β 1', options: { beta: 1 }, reference: reference(1) },
]);

describe('apo-down', () => {
  // Hand pair, β 1: r_w = 1, r_w − r_l = 2. loss = σ(1) + 1 − σ(2) = 0.7310586 + 1 − 0.8807971 = 0.8502615;
  //   d/d chosen = σ'(1) − σ'(2) = 0.1966119 − 0.1049936 = 0.0916183; d/d rejected = σ'(2) = 0.1049936.
  it('matches the hand-worked numbers', () => {
    expectObjectiveValues(
      apoDown({ beta: 1 }),
      {
        loss: 0.8502615,
        losses: [0.8502615],
        chosenRewards: [1],
        rejectedRewards: [-1],
        gradChosen: [0.0916183],
        gradRejected: [0.1049936],
      },
      handPair,
    );
  });

  it('matches torch (TRL formula) on the moderate batch', () => {
    expectObjectiveValues(apoDown(), torchObjectiveValues('apo-down'));
  });

  it('rejects β ≤ 0', () => {
    expect(() => apoDown({ beta: 0 })).toThrow(
      /apo-down: option 'beta' must be a finite number > 0/,
    );
  });
});
