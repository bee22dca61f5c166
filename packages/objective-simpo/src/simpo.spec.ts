import {
  describeObjective,
  expectObjectiveValues,
  type NumberInputs,
  torchObjectiveValues,
} from '@prefopt/testing';
import { describe, expect, it } from 'vitest';
import { simpo } from './simpo';

const logSig = (x: number) => -Math.log1p(Math.exp(-x));

/** Float64 re-statement of princeton-nlp/SimPO's simpo_loss (h = β·Δ − γ). */
const reference =
  ({ beta = 2, gamma = 1, norm = true, hinge = false, eps = 0 } = {}) =>
  ({ policy, lengths }: NumberInputs) => {
    const cr = policy.chosen.map((p, i) => (beta * p) / (norm ? lengths.chosen[i] : 1));
    const rr = policy.rejected.map((p, i) => (beta * p) / (norm ? lengths.rejected[i] : 1));
    const h = cr.map((c, i) => c - rr[i] - gamma);
    const losses = h.map((x) =>
      hinge ? Math.max(0, 1 - x) : -(1 - eps) * logSig(x) - eps * logSig(-x),
    );
    const loss = losses.reduce((a, b) => a + b, 0) / losses.length;
    return { loss, losses, chosenRewards: cr, rejectedRewards: rr };
  };

describeObjective(simpo, [
  { title: 'defaults (β 2, γ 1, length-normalised, sigmoid)', reference: reference() },
  { title: 'gammaBetaRatio 0.5 (γ = 1)', options: { gammaBetaRatio: 0.5 }, reference: reference() },
  {
    title: 'β 2.5, γ 0.3, summed log-probs, ε 0.1',
    options: { beta: 2.5, gamma: 0.3, lengthNormalize: false, labelSmoothing: 0.1 },
    reference: reference({ beta: 2.5, gamma: 0.3, norm: false, eps: 0.1 }),
  },
  { title: 'hinge', options: { lossType: 'hinge' }, reference: reference({ hinge: true }) },
]);

describe('simpo', () => {
  // One pair: summed log-probs (−6, −12), lengths (3, 4): averages −2 and −3.
  // β 2, γ 1: rewards 2·(−2) = −4 and 2·(−3) = −6; h = −4 − (−6) − 1 = 1;
  //   loss = −log σ(1) = 0.3132617; d/d chosen = −σ(−1)·β/3 = −0.2689414·2/3 = −0.1792943,
  //   d/d rejected = σ(−1)·β/4 = 0.1344707. gammaBetaRatio 0.5 is γ = 0.5·2 = 1: the same.
  // Summed (lengthNormalize false), β 0.5, γ 0: h = 0.5·(−6 + 12) = 3; loss = log(1 + e^−3) = 0.0485874;
  //   rewards −3 and −6.
  // Hinge, γ 1.5: h = 2 − 1.5 = 0.5; loss = max(0, 1 − 0.5) = 0.5; d/d chosen = −β/3 = −0.6666667,
  //   d/d rejected = β/4 = 0.5.
  const pair: NumberInputs = {
    policy: { chosen: [-6], rejected: [-12] },
    lengths: { chosen: [3], rejected: [4] },
  };

  it('matches the hand-worked numbers', () => {
    const normalised = {
      loss: 0.3132617,
      losses: [0.3132617],
      chosenRewards: [-4],
      rejectedRewards: [-6],
      gradChosen: [-0.1792943],
      gradRejected: [0.1344707],
    };
    expectObjectiveValues(simpo({ beta: 2, gamma: 1 }), normalised, pair);
    expectObjectiveValues(simpo({ beta: 2, gammaBetaRatio: 0.5 }), normalised, pair);
    expectObjectiveValues(
      simpo({ beta: 0.5, gamma: 0, lengthNormalize: false }),
      { loss: 0.0485874, losses: [0.0485874], chosenRewards: [-3], rejectedRewards: [-6] },
      pair,
    );
    expectObjectiveValues(
      simpo({ gamma: 1.5, lossType: 'hinge' }),
      {
        loss: 0.5,
        losses: [0.5],
        chosenRewards: [-4],
        rejectedRewards: [-6],
        gradChosen: [-0.6666667],
        gradRejected: [0.5],
      },
      pair,
    );
  });

  it('matches torch (SimPO-repo formula) on the moderate batch', () => {
    expectObjectiveValues(simpo(), torchObjectiveValues('simpo'));
    expectObjectiveValues(
      simpo({ beta: 2, gammaBetaRatio: 0.5 }),
      torchObjectiveValues('simpo beta=2 gammaBetaRatio=0.5'),
    );
    expectObjectiveValues(
      simpo({ beta: 2.5, gamma: 0.3, lengthNormalize: false, labelSmoothing: 0.1 }),
      torchObjectiveValues('simpo beta=2.5 gamma=0.3 lengthNormalize=false labelSmoothing=0.1'),
    );
    expectObjectiveValues(
      simpo({ lossType: 'hinge' }),
      torchObjectiveValues('simpo lossType=hinge'),
    );
  });

  it('rejects both forms of γ, bad ranges and labelSmoothing with hinge, naming the option', () => {
    expect(() => simpo({ gamma: 1, gammaBetaRatio: 0.5 })).toThrow(
      /either 'gamma'.*or 'gammaBetaRatio'.*not both/,
    );
    expect(() => simpo({ beta: 0 })).toThrow(
      /simpo: option 'beta' must be a finite number > 0, got 0/,
    );
    expect(() => simpo({ gamma: -1 })).toThrow(/option 'gamma' must be a finite number >= 0/);
    expect(() => simpo({ lossType: 'ipo' as 'hinge' })).toThrow(
      /'lossType' must be 'sigmoid' \| 'hinge'/,
    );
    expect(() => simpo({ lossType: 'hinge', labelSmoothing: 0.1 })).toThrow(
      /'labelSmoothing' applies to lossType 'sigmoid'/,
    );
    expect(() => simpo({ gamma: 1, gammaBetaRatio: 1 })).toThrow(
      expect.objectContaining({ kind: 'config' }),
    );
  });

  it('fills defaults: γ unset means γ = 1, and both forms stay visible in options', () => {
    expect(simpo().options).toEqual({
      beta: 2,
      gamma: undefined,
      gammaBetaRatio: undefined,
      lengthNormalize: true,
      lossType: 'sigmoid',
      labelSmoothing: 0,
    });
    expect(simpo.requiresReference).toBe(false);
  });
});
