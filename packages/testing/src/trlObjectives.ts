import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import type { ObjectiveInputs, UnpairedInputs } from '@prefopt/core';
import { repoRoot } from './sharedPath';

/** One case of packages/testing/fixtures/trl-objectives.json (tools/reference/trl_objectives.py). */
export interface TrlCase {
  case: string;
  objective: string;
  options: Record<string, unknown>;
  inputs: 'paired' | 'unpaired';
  loss?: number;
  rewardsChosenMean?: number;
  rewardsRejectedMean?: number;
  /** d loss / d per-token policy log-probs [2B][T−1] (meaningful on completion tokens). */
  gradTokens?: number[][];
  /** d loss / d summed policy log-probs [N] (unpaired). */
  gradPolicy?: number[];
  kl?: number;
  nll?: number;
  steps?: {
    policy: number[];
    loss: number;
    delta: number;
    rewardsChosenMean: number;
    rewardsRejectedMean: number;
    gradPolicy: number[];
    state: Record<string, number>;
  }[];
}

export interface TrlFixture {
  versions: { trl: string; torch: string };
  /** Rows [0, B) chosen, [B, 2B) rejected; [2B][T−1] each. */
  paired: {
    policyTokens: number[][];
    referenceTokens: number[][];
    completionMask: number[][];
    sequenceMask: number[][];
    logSquaredMass: number[][];
  };
  unpaired: {
    policy: number[];
    reference: number[];
    lengths: number[];
    labels: boolean[];
    klPolicy: number[];
    klReference: number[];
  };
  cases: TrlCase[];
}

let cached: TrlFixture | undefined;

/** TRL 1.13's values on fixed inputs, as written by tools/reference/trl_objectives.py (committed). */
export function trlObjectives(): TrlFixture {
  cached ??= JSON.parse(
    readFileSync(join(repoRoot(), 'packages/testing/fixtures/trl-objectives.json'), 'utf8'),
  ) as TrlFixture;
  return cached;
}

const halves = (t: tf.Tensor2D): [tf.Tensor2D, tf.Tensor2D] => {
  const b = t.shape[0] / 2;
  return [t.slice([0, 0], [b, -1]), t.slice([b, 0], [b, -1])];
};

/**
 * The paired fixture as ObjectiveInputs (tokens included), with the policy's per-token
 * log-probs `[2B, T−1]` given as `policyTokens` so a caller can differentiate through both the
 * per-token and the summed inputs (the sums are Σ_t tokens·completionMask, as the trainer's).
 */
export function trlPairedInputs(policyTokens: tf.Tensor2D, withStats = true): ObjectiveInputs {
  const p = trlObjectives().paired;
  const mask = tf.tensor2d(p.completionMask); // [2B, T−1]
  const seq = tf.tensor2d(p.sequenceMask);
  const ref = tf.tensor2d(p.referenceTokens);
  const stat = tf.tensor2d(p.logSquaredMass);
  const sums = tf.sum(tf.mul(policyTokens, mask), 1) as tf.Tensor1D; // [2B]
  const refSums = tf.sum(tf.mul(ref, mask), 1) as tf.Tensor1D;
  const counts = tf.sum(mask, 1) as tf.Tensor1D;
  const b = sums.shape[0] / 2;
  const pair = (t: tf.Tensor1D) => ({ chosen: t.slice(0, b), rejected: t.slice(b, b) });
  const tokPair = (t: tf.Tensor2D) => {
    const [chosen, rejected] = halves(t);
    return { chosen, rejected };
  };
  return {
    policy: pair(sums),
    reference: pair(refSums),
    lengths: pair(counts),
    tokens: {
      policy: tokPair(policyTokens),
      reference: tokPair(ref),
      completionMask: tokPair(mask),
      sequenceMask: tokPair(seq),
      ...(withStats ? { logSquaredMass: tokPair(stat) } : {}),
    },
  };
}

/** The unpaired fixture as UnpairedInputs, with `policy` given (to differentiate through it). */
export function trlUnpairedInputs(policy: tf.Tensor1D): UnpairedInputs {
  const u = trlObjectives().unpaired;
  return {
    policy,
    reference: tf.tensor1d(u.reference),
    lengths: tf.tensor1d(u.lengths),
    labels: tf.tensor1d(u.labels.map((l) => (l ? 1 : 0))),
    kl: { policy: tf.tensor1d(u.klPolicy), reference: tf.tensor1d(u.klReference) },
  };
}
