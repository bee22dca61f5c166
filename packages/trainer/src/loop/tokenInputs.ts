import * as tf from '@tensorflow/tfjs-core';
import type {
  CausalLM,
  ObjectiveNeeds,
  PairLogps,
  PairTokens,
  PreferenceBatch,
} from '@prefopt/core';
import { stopGradient } from '@prefopt/core';

/** Per-token values of a batch's 2B rows and the sums a plain objective gets, from one forward. */
export interface BatchTokens {
  tokens: tf.Tensor2D; // [2B, T−1] log p, 0 on padding
  completionMask: tf.Tensor2D; // [2B, T−1]
  sequenceMask: tf.Tensor2D; // [2B, T−1]
  logSquaredMass?: tf.Tensor2D; // [2B, T−1], no gradient
  logps: PairLogps; // [B] each: Σ tokens·completionMask
  lengths: PairLogps; // [B] each
}

/**
 * 1 on every predicted position that is not padding, [2B, T−1]: rows are right-padded and
 * end with their completion, so the real tokens of a row are positions 1 … (its last
 * completion token) — TRL's shifted attention mask.
 */
export function sequenceMaskOf(batch: PreferenceBatch): Float32Array {
  const { size: b, seqLen: t, completionMask } = batch;
  const out = new Float32Array(2 * b * (t - 1));
  for (let r = 0; r < 2 * b; r++) {
    let last = 0;
    for (let j = 1; j < t; j++) if (completionMask[r * t + j] > 0) last = j;
    for (let j = 1; j <= last; j++) out[r * (t - 1) + j - 1] = 1;
  }
  return out;
}

/**
 * Per-token log-probs (and, when asked, logit statistics) of a batch in one forward of
 * `model`, plus the summed completion log-probs and lengths the summed inputs need — the
 * same values `sequenceLogps` gives, so an objective that opts in costs one forward, not two.
 * Uses `model.pairTokenLogps` (or `tokenLogps`) when the model has it and no logit statistics
 * are asked for;
 * otherwise log-softmax over `model.logits`.
 */
export function batchTokens(
  model: CausalLM,
  batch: PreferenceBatch,
  needs: ObjectiveNeeds,
): BatchTokens {
  const { size: b, seqLen: t } = batch;
  return tf.tidy(() => {
    const ids = tf.tensor2d(batch.inputIds, [2 * b, t], 'int32'); // [2B, T]
    const completionMask = tf.slice(
      tf.tensor2d(batch.completionMask, [2 * b, t]),
      [0, 1],
      [2 * b, t - 1],
    ); // [2B, T−1]
    const sequenceMask = tf.tensor2d(sequenceMaskOf(batch), [2 * b, t - 1]); // [2B, T−1]
    let raw: tf.Tensor2D; // [2B, T−1]
    let logSquaredMass: tf.Tensor2D | undefined;
    if (model.pairTokenLogps && !needs.tokenLogitStats) {
      raw = model.pairTokenLogps(batch); // the shared prompt runs once per pair
    } else if (model.tokenLogps && !needs.tokenLogitStats) {
      raw = model.tokenLogps(ids);
    } else {
      const z = tf.slice(model.logits(ids), [0, 0, 0], [2 * b, t - 1, model.vocabSize]); // [2B, T−1, V]
      const lse = tf.logSumExp(z, -1); // [2B, T−1]
      const targets = tf.oneHot(tf.slice(ids, [0, 1], [2 * b, t - 1]), model.vocabSize); // [2B, T−1, V]
      raw = tf.sub(tf.sum(tf.mul(z, targets), -1), lse) as tf.Tensor2D; // [2B, T−1]
      if (needs.tokenLogitStats) {
        const zc = stopGradient(z);
        logSquaredMass = tf.sub(
          tf.logSumExp(tf.mul(zc, 2), -1),
          tf.mul(stopGradient(lse), 2),
        ) as tf.Tensor2D;
      }
    }
    const tokens = tf.mul(raw, sequenceMask) as tf.Tensor2D; // [2B, T−1]
    const sums = tf.sum(tf.mul(tokens, completionMask), 1) as tf.Tensor1D; // [2B]
    const counts = tf.sum(completionMask, 1) as tf.Tensor1D; // [2B]
    return {
      tokens,
      completionMask,
      sequenceMask,
      ...(logSquaredMass ? { logSquaredMass } : {}),
      logps: { chosen: tf.slice(sums, 0, b), rejected: tf.slice(sums, b, b) },
      lengths: { chosen: tf.slice(counts, 0, b), rejected: tf.slice(counts, b, b) },
    };
  });
}

/** The chosen rows [0, B) and the rejected rows [B, 2B) of a [2B, T−1] tensor. */
export function splitRows(x: tf.Tensor2D): PairTokens {
  const b = x.shape[0] / 2;
  return {
    chosen: tf.slice(x, [0, 0], [b, -1]) as tf.Tensor2D,
    rejected: tf.slice(x, [b, 0], [b, -1]) as tf.Tensor2D,
  };
}
