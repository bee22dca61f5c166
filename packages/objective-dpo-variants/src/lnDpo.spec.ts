import {
  describeObjective,
  expectObjectiveValues,
  type NumberInputs,
  type PairNumbers,
  torchObjectiveValues,
} from '@prefopt/testing';
import { describe, expect, it } from 'vitest';
import { lnDpo } from './lnDpo';
import { handPair, logSig, pairReference } from './specSupport/pairReference';

// LN-DPO is DPO on per-token-averaged log-ratios: divide the summed log-probs by the
// lengths first, then take DPO's loss and rewards on them.
const reference = (beta: number) => (x: NumberInputs) => {
  const avg = (p: PairNumbers, l: PairNumbers) => ({
    chosen: p.chosen.map((v, i) => v / l.chosen[i]),
    rejected: p.rejected.map((v, i) => v / l.rejected[i]),
  });
  const averaged = {
    ...x,
    policy: avg(x.policy, x.lengths),
    reference: avg(x.reference!, x.lengths),
  };
  return pairReference(beta, (a, b) => -logSig(beta * (a - b)))(averaged);
};

describeObjective(lnDpo, [
  { title: 'defaults (β 0.1)', reference: reference(0.1) },
  { title: 'β 2', options: { beta: 2 }, reference: reference(2) },
]);

describe('ln-dpo', () => {
  // Hand pair: averaged log-ratios 1/2 = 0.5 and −1/4 = −0.25, z = 0.75. β 4/3: βz = 1;
  //   loss = log(1 + e^−1) = 0.3132617; rewards (4/3)·0.5 = 0.6666667, (4/3)·(−0.25) = −0.3333333;
  //   d/d chosen = −σ(−1)·β/2 = −0.2689414·0.6666667 = −0.1792943; d/d rejected = σ(−1)·β/4 = 0.0896471.
  it('matches the hand-worked numbers', () => {
    expectObjectiveValues(
      lnDpo({ beta: 4 / 3 }),
      {
        loss: 0.3132617,
        losses: [0.3132617],
        chosenRewards: [0.6666667],
        rejectedRewards: [-0.3333333],
        gradChosen: [-0.1792943],
        gradRejected: [0.0896471],
      },
      handPair,
    );
  });

  it('matches torch on the moderate batch', () => {
    expectObjectiveValues(lnDpo(), torchObjectiveValues('ln-dpo'));
  });

  it('rejects β ≤ 0', () => {
    expect(() => lnDpo({ beta: 0 })).toThrow(/ln-dpo: option 'beta' must be a finite number > 0/);
  });
});
