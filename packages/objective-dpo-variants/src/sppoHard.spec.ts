import { describeObjective, expectObjectiveValues, torchObjectiveValues } from '@prefopt/testing';
import { describe, expect, it } from 'vitest';
import { sppoHard } from './sppoHard';
import { handPair, pairReference } from './specSupport/pairReference';

const reference = (beta: number) =>
  pairReference(beta, (a, b) => (a - 0.5 / beta) ** 2 + (b + 0.5 / beta) ** 2);

describeObjective(sppoHard, [
  { title: 'defaults (β 0.1)', reference: reference(0.1) },
  { title: 'β 1', options: { beta: 1 }, reference: reference(1) },
]);

describe('sppo-hard', () => {
  // Hand pair, β 1: targets ±1/(2β) = ±0.5; a = 1, b = −1.
  //   loss = (1 − 0.5)² + (−1 + 0.5)² = 0.25 + 0.25 = 0.5; d/d chosen = 2·0.5 = 1; d/d rejected = 2·(−0.5) = −1.
  it('matches the hand-worked numbers', () => {
    expectObjectiveValues(
      sppoHard({ beta: 1 }),
      {
        loss: 0.5,
        losses: [0.5],
        chosenRewards: [1],
        rejectedRewards: [-1],
        gradChosen: [1],
        gradRejected: [-1],
      },
      handPair,
    );
  });

  it('matches torch (TRL formula) on the moderate batch', () => {
    expectObjectiveValues(sppoHard(), torchObjectiveValues('sppo-hard'));
  });

  it('rejects β ≤ 0', () => {
    expect(() => sppoHard({ beta: -2 })).toThrow(
      /sppo-hard: option 'beta' must be a finite number > 0/,
    );
  });
});
