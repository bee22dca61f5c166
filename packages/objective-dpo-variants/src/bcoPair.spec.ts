import {
  describeObjective,
  expectObjectiveValues,
  objectiveTestInputs,
  type NumberInputs,
  torchObjectiveValues,
} from '@prefopt/testing';
import { describe, it } from 'vitest';
import { bcoPair } from './bcoPair';
import { handPair, logSig, pairReference } from './specSupport/pairReference';

// δ = mean of every reward of the batch (the batch's value of TRL's running mean).
const deltaOf = (beta: number, x: NumberInputs) => {
  const all = [
    ...x.policy.chosen.map((p, i) => beta * (p - x.reference!.chosen[i])),
    ...x.policy.rejected.map((p, i) => beta * (p - x.reference!.rejected[i])),
  ];
  return all.reduce((s, v) => s + v, 0) / all.length;
};
const lossWithDelta = (beta: number, delta: number) =>
  pairReference(beta, (a, b) => -logSig(beta * a - delta) - logSig(-(beta * b - delta)));
const reference = (beta: number) => (x: NumberInputs) => lossWithDelta(beta, deltaOf(beta, x))(x);
// δ is detached: the finite difference holds it at its value on the moderate batch.
const frozenDelta = (beta: number) => {
  const delta = deltaOf(beta, objectiveTestInputs.moderate);
  return (x: NumberInputs) => lossWithDelta(beta, delta)(x).loss;
};
const detached = 'δ is a detached batch mean; a finite difference of compute() moves it';

describeObjective(bcoPair, [
  {
    title: "β 0.1, δ 'batch-mean'",
    options: { delta: 'batch-mean' },
    reference: reference(0.1),
    gradientReference: frozenDelta(0.1),
    skipSelfDifference: detached,
  },
  {
    title: 'β 1',
    options: { beta: 1, delta: 'batch-mean' },
    reference: reference(1),
    gradientReference: frozenDelta(1),
    skipSelfDifference: detached,
  },
]);

describe('bco-pair', () => {
  // Hand pair with δ ≠ 0: policy (−10, −11), reference (−11, −11), β 1: r_w = 1, r_l = 0, δ = 0.5.
  //   loss = −log σ(0.5) − log σ(0.5) = 2·0.4740770 = 0.9481541
  //   δ carries no gradient: d/d chosen = −σ(−0.5) = −0.3775407, d/d rejected = σ(r_l − δ) = 0.3775407
  //   (with δ differentiated they would be −0.3775407·(1 − ½) + 0.3775407·½ = 0, etc.).
  const pair = { ...handPair, policy: { chosen: [-10], rejected: [-11] } };
  it('matches the hand-worked numbers', () => {
    expectObjectiveValues(
      bcoPair({ beta: 1, delta: 'batch-mean' }),
      {
        loss: 0.9481541,
        losses: [0.9481541],
        chosenRewards: [1],
        rejectedRewards: [0],
        gradChosen: [-0.3775407],
        gradRejected: [0.3775407],
      },
      pair,
    );
  });

  it('matches torch (TRL formula) on the moderate batch', () => {
    expectObjectiveValues(bcoPair({ delta: 'batch-mean' }), torchObjectiveValues('bco-pair'));
  });
});
