import { describeObjective, expectObjectiveValues, torchObjectiveValues } from '@prefopt/testing';
import { describe, expect, it } from 'vitest';
import { rdpo } from './rdpo';
import { handPair, logSig, pairReference } from './specSupport/pairReference';

const reference = (beta: number, alpha: number) =>
  pairReference(beta, (a, b, n, m) => -logSig(beta * (a - b) - alpha * (n - m)));

describeObjective(rdpo, [
  { title: 'defaults (β 0.1, α 0.01)', reference: reference(0.1, 0.01) },
  { title: 'β 0.5, α 0.2', options: { beta: 0.5, alpha: 0.2 }, reference: reference(0.5, 0.2) },
]);

describe('rdpo', () => {
  // Hand pair: z = 2, lengths 2 and 4. β 0.5, α 0.25: βz − α(2 − 4) = 1 + 0.5 = 1.5;
  //   loss = log(1 + e^−1.5) = 0.2014133; d/d chosen = −β·σ(−1.5) = −0.5·0.1824255 = −0.0912128.
  //   The longer rejected completion raises the margin: without α the loss is log(1 + e^−1) = 0.3132617.
  it('matches the hand-worked numbers', () => {
    expectObjectiveValues(
      rdpo({ beta: 0.5, alpha: 0.25 }),
      {
        loss: 0.2014133,
        losses: [0.2014133],
        chosenRewards: [0.5],
        rejectedRewards: [-0.5],
        gradChosen: [-0.0912128],
        gradRejected: [0.0912128],
      },
      handPair,
    );
  });

  it('matches torch (TRL formula) on the moderate batch', () => {
    expectObjectiveValues(rdpo(), torchObjectiveValues('rdpo'));
  });

  it('rejects α < 0 naming the option', () => {
    expect(() => rdpo({ alpha: -0.1 })).toThrow(
      /rdpo: option 'alpha' must be a finite number >= 0, got -0.1/,
    );
  });
});
