import {
  describeObjective,
  expectObjectiveValues,
  type NumberInputs,
  torchObjectiveValues,
} from '@prefopt/testing';
import { describe, expect, it } from 'vitest';
import { orpo } from './orpo';

const logSig = (x: number) => -Math.log1p(Math.exp(-x));
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** Float64 re-statement of TRL's ORPO on per-token-averaged log-probs. */
const reference =
  (lambda = 0.1) =>
  ({ policy, lengths }: NumberInputs) => {
    const c = policy.chosen.map((v, i) => v / lengths.chosen[i]);
    const r = policy.rejected.map((v, i) => v / lengths.rejected[i]);
    const logOdds = c.map(
      (ci, i) => ci - r[i] - (Math.log1p(-Math.exp(ci)) - Math.log1p(-Math.exp(r[i]))),
    );
    const losses = logOdds.map((x) => -lambda * logSig(x));
    const nll = -sum(policy.chosen) / sum(lengths.chosen);
    return {
      loss: nll + sum(losses) / losses.length,
      losses,
      chosenRewards: c.map((v) => lambda * v),
      rejectedRewards: r.map((v) => lambda * v),
    };
  };

describeObjective(orpo, [
  { title: 'λ 0.1, NLL over completions', options: { nll: 'completion' }, reference: reference() },
  { title: 'λ 1', options: { lambda: 1, nll: 'completion' }, reference: reference(1) },
  {
    title: 'λ 0.5, per-token log-probs near 0 (−0.05, where 1 − e^x cancels)',
    options: { lambda: 0.5, nll: 'completion' },
    reference: reference(0.5),
    inputs: {
      policy: { chosen: [-0.5, -3], rejected: [-0.4, -0.2] },
      lengths: { chosen: [10, 2], rejected: [2, 4] },
    },
  },
]);

describe('orpo', () => {
  // One pair whose averaged log-probs are log ½ and log ¼: chosen −3·ln 2 = −2.0794415 over 3
  // tokens, rejected −4·ln 4 = −5.5451774 over 4 tokens.
  //   odds(y_w) = ½/(1 − ½) = 1, odds(y_l) = ¼/(1 − ¼) = ⅓; log-odds ratio = ln 1 − ln ⅓ = 1.0986123
  //   loss_1 = −λ·log σ(1.0986123) = λ·log(1 + ⅓) = λ·0.2876821; NLL = 2.0794415/3 = 0.6931472
  //   λ 0.1: loss = 0.6931472 + 0.0287682 = 0.7219154; rewards 0.1·ln ½ = −0.0693147, 0.1·ln ¼ = −0.1386294.
  const pair: NumberInputs = {
    policy: { chosen: [-3 * Math.LN2], rejected: [-4 * Math.log(4)] },
    lengths: { chosen: [3], rejected: [4] },
  };

  it('matches the hand-worked numbers', () => {
    expectObjectiveValues(
      orpo({ lambda: 0.1, nll: 'completion' }),
      {
        loss: 0.7219154,
        losses: [0.0287682],
        chosenRewards: [-0.0693147],
        rejectedRewards: [-0.1386294],
      },
      pair,
    );
  });

  it('matches torch (TRL ORPOTrainer formula) on the moderate batch', () => {
    expectObjectiveValues(orpo({ nll: 'completion' }), torchObjectiveValues('orpo'));
  });

  it('rejects negative λ naming the option', () => {
    expect(() => orpo({ lambda: -0.1 })).toThrow(
      /orpo: option 'lambda' must be a finite number >= 0/,
    );
  });
});
