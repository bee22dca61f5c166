import { describeObjective, expectObjectiveValues, torchObjectiveValues } from '@prefopt/testing';
import { describe, expect, it } from 'vitest';
import { exo } from './exo';
import { handPair, logSig, sig, pairReference } from './specSupport/pairReference';

const reference = (beta: number, eps: number) =>
  pairReference(beta, (a, b) => {
    const x = beta * (a - b);
    return sig(x) * (logSig(x) - Math.log(1 - eps)) + sig(-x) * (logSig(-x) - Math.log(eps));
  });

describeObjective(exo, [
  { title: 'defaults (β 0.1, ε 1e-3)', reference: reference(0.1, 1e-3) },
  {
    title: 'β 0.5, ε 0.25',
    options: { beta: 0.5, epsilon: 0.25 },
    reference: reference(0.5, 0.25),
  },
]);

describe('exo', () => {
  // Hand pair, β 0.5, ε 0.25: x = βz = 1.
  //   loss = σ(1)(log σ(1) − log 0.75) + σ(−1)(log σ(−1) − log 0.25)
  //        = 0.7310586·(−0.3132617 + 0.2876821) + 0.2689414·(−1.3132617 + 1.3862944)
  //        = −0.0187002 + 0.0196415 = 0.0009413
  //   dloss/dx = σ(x)σ(−x)·(x − log 0.75 + log 0.25) = 0.1966119·(1 − 1.0986123) = −0.0193884;
  //   d/d chosen = β·(−0.0193884) = −0.0096942.
  it('matches the hand-worked numbers', () => {
    expectObjectiveValues(
      exo({ beta: 0.5, epsilon: 0.25 }),
      {
        loss: 0.0009413,
        losses: [0.0009413],
        chosenRewards: [0.5],
        rejectedRewards: [-0.5],
        gradChosen: [-0.0096942],
        gradRejected: [0.0096942],
      },
      handPair,
      1e-4, // the loss is a difference of two terms ~0.02: float32 keeps ~5 digits of it
    );
  });

  it('matches torch (TRL formula) on the moderate batch', () => {
    expectObjectiveValues(exo(), torchObjectiveValues('exo'));
  });

  it('rejects ε outside (0, 0.5)', () => {
    expect(() => exo({ epsilon: 0 })).toThrow(
      /exo: option 'epsilon' must be a number > 0 and < 0.5, got 0/,
    );
  });
});
