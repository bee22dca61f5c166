import { describeObjective, expectObjectiveValues } from '@prefopt/testing';
import { describe, expect, it } from 'vitest';
import { apoDown } from './apoDown';
import { handPair, sig, pairReference } from './specSupport/pairReference';

const reference = (beta: number) =>
  pairReference(beta, (a, b) => sig(beta * a) + 1 - sig(beta * (a - b)));

describeObjective(apoDown, [
  { title: 'defaults (β 0.1)', reference: reference(0.1) },
  { title: 'β 1', options: { beta: 1 }, reference: reference(1) },
]);

// Torch float64 reference, printed by: /usr/bin/python3 tools/reference/objectives.py
// (rows of the cases below, pasted as printed).
const torchValues = {
  'apo-down': {
    loss: 0.9999883408330015,
    losses: [0.9875182090052703, 1.0248974713585437, 0.9875493421351904],
    chosenRewards: [0.05, -0.07500000000000001, 0.1],
    rejectedRewards: [-0.05, 0.1, -0.05],
    gradChosen: [1.559249627414855e-5, 5.1770061705655804e-5, 2.5901117178300098e-5],
    gradRejected: [0.0083125346730964, 0.00826985549920748, 0.0082866335559181],
  },
};

describe('apo-down', () => {
  // Hand pair, β 1: r_w = 1, r_w − r_l = 2. loss = σ(1) + 1 − σ(2) = 0.7310586 + 1 − 0.8807971 = 0.8502615;
  //   d/d chosen = σ'(1) − σ'(2) = 0.1966119 − 0.1049936 = 0.0916183; d/d rejected = σ'(2) = 0.1049936.
  it('matches the hand-worked numbers', () => {
    expectObjectiveValues(
      apoDown({ beta: 1 }),
      {
        loss: 0.8502615,
        losses: [0.8502615],
        chosenRewards: [1],
        rejectedRewards: [-1],
        gradChosen: [0.0916183],
        gradRejected: [0.1049936],
      },
      handPair,
    );
  });

  it('matches torch (TRL formula) on the moderate batch', () => {
    expectObjectiveValues(apoDown(), torchValues['apo-down']);
  });

  it('rejects β ≤ 0', () => {
    expect(() => apoDown({ beta: 0 })).toThrow(
      /apo-down: option 'beta' must be a finite number > 0/,
    );
  });
});
