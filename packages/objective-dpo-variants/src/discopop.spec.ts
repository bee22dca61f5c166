import { describeObjective, expectObjectiveValues, torchObjectiveValues } from '@prefopt/testing';
import { describe, expect, it } from 'vitest';
import { discopop } from './discopop';
import { handPair, logSig, sig, pairReference } from './specSupport/pairReference';

const reference = (beta: number, tau: number) =>
  pairReference(beta, (a, b) => {
    const f = beta * (a - b);
    const m = sig(f / tau);
    return (1 - m) * -logSig(f) + m * Math.exp(-f);
  });

describeObjective(discopop, [
  { title: 'defaults (β 0.1, τ 0.05)', reference: reference(0.1, 0.05) },
  { title: 'β 0.5, τ 1', options: { beta: 0.5, tau: 1 }, reference: reference(0.5, 1) },
]);

describe('discopop', () => {
  // Hand pair, β 1, τ 1: f = 2, m = σ(2) = 0.8807971.
  //   loss = (1 − m)·log(1 + e^−2) + m·e^−2 = 0.1192029·0.1269280 + 0.8807971·0.1353353
  //        = 0.0151302 + 0.1192029 = 0.1343331   (m·e^−f = e^−2/(1 + e^−2) = σ(−2))
  it('matches the hand-worked numbers', () => {
    expectObjectiveValues(
      discopop({ beta: 1, tau: 1 }),
      { loss: 0.1343331, losses: [0.1343331], chosenRewards: [1], rejectedRewards: [-1] },
      handPair,
    );
  });

  it('matches torch (TRL formula) on the moderate batch', () => {
    expectObjectiveValues(discopop(), torchObjectiveValues('discopop'));
  });

  it('stays finite where TRL’s exp(−f)·σ(f/τ) is ∞·0 (f = −2000)', () => {
    const far = {
      ...handPair,
      policy: { chosen: [-1e4], rejected: [-10] },
      reference: { chosen: [-10], rejected: [-1e4] },
    };
    // f = 0.1·(−9990 − 9990) = −1998: loss ≈ softplus(1998) = 1998.
    expectObjectiveValues(
      discopop(),
      { loss: 1998, losses: [1998], chosenRewards: [-999], rejectedRewards: [999] },
      far,
    );
  });

  it('rejects τ ≤ 0', () => {
    expect(() => discopop({ tau: 0 })).toThrow(
      /discopop: option 'tau' must be a finite number > 0/,
    );
  });
});
