import { describeObjective, expectObjectiveValues, torchObjectiveValues } from '@prefopt/testing';
import { describe, expect, it } from 'vitest';
import { nca } from './nca';
import { handPair, logSig, pairReference } from './specSupport/pairReference';

const reference = (beta: number) =>
  pairReference(
    beta,
    (a, b) => -logSig(beta * a) - 0.5 * logSig(-beta * a) - 0.5 * logSig(-beta * b),
  );

describeObjective(nca, [
  { title: 'defaults (β 0.1)', reference: reference(0.1) },
  { title: 'β 1', options: { beta: 1 }, reference: reference(1) },
]);

describe('nca', () => {
  // Hand pair, β 1: r_w = 1, r_l = −1.
  //   loss = −log σ(1) − ½ log σ(−1) − ½ log σ(1) = 0.3132617 + 0.6566309 + 0.1566309 = 1.1265234
  //   d/d chosen = −σ(−1) + ½σ(1) = −0.2689414 + 0.3655293 = 0.0965879; d/d rejected = ½σ(−1) = 0.1344707.
  it('matches the hand-worked numbers', () => {
    expectObjectiveValues(
      nca({ beta: 1 }),
      {
        loss: 1.1265234,
        losses: [1.1265234],
        chosenRewards: [1],
        rejectedRewards: [-1],
        gradChosen: [0.0965879],
        gradRejected: [0.1344707],
      },
      handPair,
    );
  });

  it('matches torch (TRL formula) on the moderate batch', () => {
    expectObjectiveValues(nca(), torchObjectiveValues('nca'));
  });

  it('rejects β ≤ 0', () => {
    expect(() => nca({ beta: 0 })).toThrow(/nca: option 'beta' must be a finite number > 0/);
  });
});
