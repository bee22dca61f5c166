import { describeObjective, expectObjectiveValues, torchObjectiveValues } from '@prefopt/testing';
import { describe, expect, it } from 'vitest';
import { robustDpo } from './robustDpo';
import { handPair, logSig, pairReference } from './specSupport/pairReference';

const reference = (beta: number, eps: number) =>
  pairReference(
    beta,
    (a, b) => (-(1 - eps) * logSig(beta * (a - b)) + eps * logSig(-beta * (a - b))) / (1 - 2 * eps),
  );

describeObjective(robustDpo, [
  { title: 'defaults (β 0.1, ε 0.1)', reference: reference(0.1, 0.1) },
  {
    title: 'β 0.5, ε 0.3',
    options: { beta: 0.5, labelSmoothing: 0.3 },
    reference: reference(0.5, 0.3),
  },
]);

describe('robust-dpo', () => {
  // Hand pair: a = 1, b = −1, z = 2. β 0.5, ε 0.25: βz = 1.
  //   loss = [0.75·log(1 + e^−1) + 0.25·log σ(−1)] / (1 − 0.5)
  //        = [0.75·0.3132617 − 0.25·1.3132617] / 0.5 = (0.2349463 − 0.3283154)/0.5 = −0.1867383
  //   d/d chosen = β·[−0.75·σ(−1) − 0.25·σ(1)]/0.5 = −0.2017061 − 0.1827646 = −0.3844707.
  it('matches the hand-worked numbers', () => {
    expectObjectiveValues(
      robustDpo({ beta: 0.5, labelSmoothing: 0.25 }),
      {
        loss: -0.1867383,
        losses: [-0.1867383],
        chosenRewards: [0.5],
        rejectedRewards: [-0.5],
        gradChosen: [-0.3844707],
        gradRejected: [0.3844707],
      },
      handPair,
    );
  });

  it('matches torch (TRL robust) on the moderate batch', () => {
    expectObjectiveValues(robustDpo(), torchObjectiveValues('robust-dpo'));
  });

  it('rejects labelSmoothing ≥ 0.5 naming the option and range', () => {
    expect(() => robustDpo({ labelSmoothing: 0.5 })).toThrow(
      /robust-dpo: option 'labelSmoothing' must be a number >= 0 and < 0.5, got 0.5/,
    );
    expect(() => robustDpo({ beta: 0 })).toThrow(/'beta' must be a finite number > 0/);
  });
});
