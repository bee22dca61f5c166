import * as tf from '@tensorflow/tfjs-core';
import type { CausalLM, Objective, TokenizedPair } from '@prefopt/core';
import { collatePairs } from '@prefopt/data';

/** Per-pair values over a split, as plain arrays (in pair order). */
export interface PairValues {
  chosen: number[];
  rejected: number[];
}

/** Summed completion log-probs of every pair under `model` (no gradient), in batches. */
export function pairLogps(
  model: CausalLM,
  pairs: readonly TokenizedPair[],
  batchSize: number,
): PairValues & { lengths: PairValues } {
  const out = {
    chosen: [] as number[],
    rejected: [] as number[],
    lengths: { chosen: [] as number[], rejected: [] as number[] },
  };
  for (let i = 0; i < pairs.length; i += batchSize) {
    const batch = collatePairs(pairs.slice(i, i + batchSize));
    const [c, r, lc, lr] = tf.tidy(() => {
      const { logps, lengths } = model.sequenceLogps(batch); // [B] each
      return [logps.chosen, logps.rejected, lengths.chosen, lengths.rejected].map((t) =>
        Array.from(t.dataSync()),
      );
    });
    out.chosen.push(...c);
    out.rejected.push(...r);
    out.lengths.chosen.push(...lc);
    out.lengths.rejected.push(...lr);
  }
  return out;
}

/**
 * The objective's implicit rewards for every pair, from precomputed log-probs (`reference`:
 * the initial policy's, for objectives that need one). Leaves no tensors behind.
 */
export function pairRewards(
  objective: Objective,
  policy: PairValues & { lengths: PairValues },
  reference: PairValues | undefined,
): PairValues {
  const pair = (v: PairValues) => ({
    chosen: tf.tensor1d(v.chosen),
    rejected: tf.tensor1d(v.rejected),
  });
  return tf.tidy(() => {
    const out = objective.compute({
      policy: pair(policy), // [B] each
      lengths: pair(policy.lengths), // [B] each
      reference: objective.requiresReference && reference ? pair(reference) : undefined,
    });
    return {
      chosen: Array.from(out.chosenRewards.dataSync()),
      rejected: Array.from(out.rejectedRewards.dataSync()),
    };
  });
}

/**
 * Reward accuracy on the pairs whose chosen completion is NOT longer than the rejected one
 * (in tokens): there a preference for length cannot help, only the true rule can. Null
 * when the split has no such pair.
 */
export function accuracyWhereChosenNotLonger(
  rewards: PairValues,
  lengths: PairValues,
): { accuracy: number | null; pairs: number } {
  let right = 0;
  let n = 0;
  for (let i = 0; i < rewards.chosen.length; i++) {
    if (lengths.chosen[i] > lengths.rejected[i]) continue;
    n++;
    if (rewards.chosen[i] > rewards.rejected[i]) right++;
  }
  return { accuracy: n ? right / n : null, pairs: n };
}
