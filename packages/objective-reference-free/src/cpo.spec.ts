import {
  describeObjective,
  expectObjectiveValues,
  type NumberInputs,
  torchObjectiveValues,
} from '@prefopt/testing';
import { describe, expect, it } from 'vitest';
import { cpo } from './cpo';

const logSig = (x: number) => -Math.log1p(Math.exp(-x));
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** Float64 re-statement of TRL's CPO (sigmoid): mean −log σ(β(c − r)) + α·(−Σc/Σ|y_w|). */
const reference =
  (beta = 0.1, alpha = 1) =>
  ({ policy, lengths }: NumberInputs) => {
    const cr = policy.chosen.map((c) => beta * c);
    const rr = policy.rejected.map((r) => beta * r);
    const losses = cr.map((c, i) => -logSig(c - rr[i]));
    const nll = -sum(policy.chosen) / sum(lengths.chosen);
    return {
      loss: sum(losses) / losses.length + alpha * nll,
      losses,
      chosenRewards: cr,
      rejectedRewards: rr,
    };
  };

describeObjective(cpo, [
  { title: 'defaults (β 0.1, α 1)', reference: reference() },
  { title: 'β 0.5, α 0.2', options: { beta: 0.5, alpha: 0.2 }, reference: reference(0.5, 0.2) },
]);

describe('cpo', () => {
  // One pair: summed log-probs (−6, −12), chosen length 3. β 0.5, α 1:
  //   β(c − r) = 3 → loss_1 = log(1 + e^−3) = 0.0485874; NLL = 6/3 = 2; loss = 2.0485874.
  //   d/d chosen = −β·σ(−3) − α/3 = −0.0237129 − 0.3333333 = −0.3570463; d/d rejected = 0.0237129.
  //   Rewards β·(summed log-prob): −3 and −6.
  const pair: NumberInputs = {
    policy: { chosen: [-6], rejected: [-12] },
    lengths: { chosen: [3], rejected: [4] },
  };

  it('matches the hand-worked numbers', () => {
    expectObjectiveValues(
      cpo({ beta: 0.5, alpha: 1 }),
      {
        loss: 2.0485874,
        losses: [0.0485874],
        chosenRewards: [-3],
        rejectedRewards: [-6],
        gradChosen: [-0.3570463],
        gradRejected: [0.0237129],
      },
      pair,
    );
  });

  it('matches torch (TRL CPOTrainer formula) on the moderate batch', () => {
    expectObjectiveValues(cpo(), torchObjectiveValues('cpo'));
    expectObjectiveValues(
      cpo({ beta: 0.5, alpha: 0.2 }),
      torchObjectiveValues('cpo beta=0.5 alpha=0.2'),
    );
  });

  it('rejects negative α naming the option', () => {
    expect(() => cpo({ alpha: -1 })).toThrow(
      /cpo: option 'alpha' must be a finite number >= 0, got -1/,
    );
  });
});
