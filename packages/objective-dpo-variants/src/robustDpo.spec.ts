import { describeObjective, expectObjectiveValues } from '@prefopt/testing';
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

// Torch float64 reference, printed by: /usr/bin/python3 tools/reference/objectives.py
// (rows of the cases below, pasted as printed).
const torchValues = {
  'robust-dpo': {
    loss: 0.68014971284205,
    losses: [0.6318966600735709, 0.8063454306630469, 0.602207047789532],
    chosenRewards: [0.05, -0.07500000000000001, 0.1],
    rejectedRewards: [-0.05, 0.1, -0.05],
    gradChosen: [-0.020000693750702, -0.022287956241235963, -0.01958567182187502],
    gradRejected: [0.020000693750702, 0.022287956241235963, 0.01958567182187502],
  },
};

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
    expectObjectiveValues(robustDpo(), torchValues['robust-dpo']);
  });

  it('rejects labelSmoothing ≥ 0.5 naming the option and range', () => {
    expect(() => robustDpo({ labelSmoothing: 0.5 })).toThrow(
      /robust-dpo: option 'labelSmoothing' must be a number >= 0 and < 0.5, got 0.5/,
    );
    expect(() => robustDpo({ beta: 0 })).toThrow(/'beta' must be a finite number > 0/);
  });
});
