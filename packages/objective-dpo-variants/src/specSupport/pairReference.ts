import type { NumberInputs, NumberOutput } from '@prefopt/testing';

/** Spec support (not exported): log σ(x) and σ(x) in float64. */
export const logSig = (x: number): number => -Math.log1p(Math.exp(-x));
export const sig = (x: number): number => 1 / (1 + Math.exp(-x));

/**
 * Float64 reference for a reference-based pair loss: a = log π(y_w) − log π_ref(y_w),
 * b = log π(y_l) − log π_ref(y_l) per pair, loss = mean of `perPair`, rewards β·a and β·b.
 * `batch` sees every (a, b) first, for losses with batch statistics (bco-pair's δ).
 */
export function pairReference(
  beta: number,
  perPair: (
    a: number,
    b: number,
    lengthChosen: number,
    lengthRejected: number,
    batch: { a: number[]; b: number[] },
  ) => number,
): (x: NumberInputs) => NumberOutput {
  return ({ policy, reference, lengths }) => {
    const a = policy.chosen.map((p, i) => p - reference!.chosen[i]);
    const b = policy.rejected.map((p, i) => p - reference!.rejected[i]);
    const losses = a.map((ai, i) =>
      perPair(ai, b[i], lengths.chosen[i], lengths.rejected[i], { a, b }),
    );
    return {
      loss: losses.reduce((s, v) => s + v, 0) / losses.length,
      losses,
      chosenRewards: a.map((v) => beta * v),
      rejectedRewards: b.map((v) => beta * v),
    };
  };
}

/** The hand-worked pair of every spec here: a = 1, b = −1 (z = 2), lengths 2 and 4. */
export const handPair: NumberInputs = {
  policy: { chosen: [-10], rejected: [-12] },
  reference: { chosen: [-11], rejected: [-11] },
  lengths: { chosen: [2], rejected: [4] },
};
