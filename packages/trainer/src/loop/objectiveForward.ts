import * as tf from '@tensorflow/tfjs-core';
import {
  PrefoptError,
  type CausalLM,
  type Objective,
  type ObjectiveOutput,
  type ObjectiveState,
  type PairLogps,
  type PreferenceBatch,
  type UnpairedBatch,
  type UnpairedObjective,
} from '@prefopt/core';
import type { ReferenceSource } from '../reference/ReferenceSource';
import { batchTokens, splitRows } from './tokenInputs';
import { packStats } from './packStats';
import { packUnpairedStats } from './packUnpairedStats';

/** Either kind of objective the trainer runs. */
export type AnyObjective = Objective | UnpairedObjective;

export const isUnpaired = (o: AnyObjective): o is UnpairedObjective =>
  (o as UnpairedObjective).data === 'unpaired';

/** What one forward of the objective leaves: its loss, the [7] stats and its next state. */
export interface ForwardResult {
  loss: tf.Scalar;
  stats: tf.Tensor1D; // [7], see packStats
  state?: ObjectiveState;
}

/**
 * The policy forward and the objective on one batch, computing the opt-in inputs the
 * objective declares and nothing else: per-token log-probs (and logit statistics) only for
 * `needs.tokenLogps`, the reference's per-token log-probs only when both are needed, the
 * state only for stateful objectives. An objective without needs takes the unchanged path
 * (`sequenceLogps`, `reference.logps`). Runs inside the caller's tape / tidy.
 */
export function objectiveForward(
  policy: CausalLM,
  objective: AnyObjective,
  batch: PreferenceBatch,
  refLogps: PairLogps | undefined,
  refTokens: tf.Tensor2D | undefined,
  state: ObjectiveState | undefined,
): ForwardResult {
  if (isUnpaired(objective)) return unpairedForward(policy, objective, batch, refLogps, state);
  const needs = objective.needs;
  if (!needs?.tokenLogps) {
    const { logps, lengths } = policy.sequenceLogps(batch); // [B] each
    const out = objective.compute({
      policy: logps,
      reference: refLogps,
      lengths,
      ...(state ? { state } : {}),
    });
    return finish(out, packStats(out, logps));
  }
  const t = batchTokens(policy, batch, needs);
  const out = objective.compute({
    policy: t.logps,
    reference: refLogps,
    lengths: t.lengths,
    tokens: {
      policy: splitRows(t.tokens),
      ...(refTokens ? { reference: splitRows(refTokens) } : {}),
      completionMask: splitRows(t.completionMask),
      sequenceMask: splitRows(t.sequenceMask),
      ...(t.logSquaredMass ? { logSquaredMass: splitRows(t.logSquaredMass) } : {}),
    },
    ...(state ? { state } : {}),
  });
  return finish(out, packStats(out, t.logps));
}

/**
 * The reference's inputs for one batch, run before the tape (caller disposes): its summed
 * log-probs, and — only for an objective with per-token needs — its per-token log-probs
 * [2B, T−1], from which the sums are then taken (one reference forward either way).
 */
export function referenceInputs(
  objective: AnyObjective,
  reference: ReferenceSource | undefined,
  batch: PreferenceBatch,
): { logps?: PairLogps; tokens?: tf.Tensor2D } {
  if (!reference) return {};
  if (isUnpaired(objective) || !objective.needs?.tokenLogps)
    return { logps: reference.logps(batch) };
  if (!reference.tokenLogps) {
    throw new PrefoptError(
      'config',
      `objective '${objective.name}' needs the reference's per-token log-probs; a ${reference.kind} reference gives only sums. Use the frozen-copy reference (drop --precompute-ref).`,
    );
  }
  const tokens = reference.tokenLogps(batch); // [2B, T−1]
  const { size: b, seqLen: t } = batch;
  const logps = tf.tidy(() => {
    const mask = tf.slice(tf.tensor2d(batch.completionMask, [2 * b, t]), [0, 1], [2 * b, t - 1]); // [2B, T−1]
    const sums = tf.sum(tf.mul(tokens, mask), 1); // [2B]
    return {
      chosen: tf.slice(sums, 0, b) as tf.Tensor1D,
      rejected: tf.slice(sums, b, b) as tf.Tensor1D,
    };
  });
  return { logps, tokens };
}

function finish(out: ObjectiveOutput, stats: tf.Tensor1D): ForwardResult {
  return { loss: out.loss, stats, ...(out.state ? { state: out.state } : {}) };
}

/** Unpaired batches: one forward over examples + KL rows (UnpairedBatch layout). */
function unpairedForward(
  policy: CausalLM,
  objective: UnpairedObjective,
  batch: PreferenceBatch,
  refLogps: PairLogps | undefined,
  state: ObjectiveState | undefined,
): ForwardResult {
  const labels = (batch as UnpairedBatch).labels;
  if (!labels) {
    throw new PrefoptError(
      'data',
      `objective '${objective.name}' trains on unpaired data (prompt, completion, label); this batch holds pairs.`,
    );
  }
  const { logps, lengths } = policy.sequenceLogps(batch); // chosen: examples [N], rejected: KL rows [N]
  const labelTensor = tf.tensor1d(labels, 'float32'); // [N]
  const out = objective.compute({
    policy: logps.chosen,
    reference: refLogps?.chosen,
    lengths: lengths.chosen,
    labels: labelTensor,
    ...(objective.requiresKl
      ? { kl: { policy: logps.rejected, reference: refLogps!.rejected } }
      : {}),
    ...(state ? { state } : {}),
  });
  return {
    loss: out.loss,
    stats: packUnpairedStats(out, logps.chosen, labelTensor),
    ...(out.state ? { state: out.state } : {}),
  };
}
