import * as tf from '@tensorflow/tfjs-core';
import type { CausalLM, ObjectiveState, PairLogps, PreferenceBatch } from '@prefopt/core';
import type { ReferenceSource } from '../reference/ReferenceSource';
import { batchStats, type BatchStats } from './batchStats';
import { checkCompletions } from './checkCompletions';
import { objectiveForward, referenceInputs, type AnyObjective } from './objectiveForward';
import type { ObjectiveStateCarrier } from './ObjectiveStateCarrier';

/**
 * Forward + backward of one micro-batch: gradients of the objective's loss w.r.t. the
 * policy's trainable variables (in their order), and the batch's metrics, read back with
 * one `await data()` (no synchronous read, so it runs on webgpu in Node). The reference
 * (when given) runs before the tape, so it never sees a gradient. Returns new gradient
 * tensors that the caller disposes; nothing else outlives the call.
 *
 * `onPhase` (for benchmarks) is called when the reference forward has finished and when
 * the policy forward + loss has been recorded on the tape (before the backward pass).
 */
export async function microStep(
  policy: CausalLM,
  objective: AnyObjective,
  batch: PreferenceBatch,
  reference: ReferenceSource | undefined,
  onPhase?: (phase: 'referenceForward' | 'forward') => void,
  state?: ObjectiveStateCarrier,
): Promise<{ grads: tf.Tensor[]; stats: BatchStats }> {
  checkCompletions(batch);
  // [B] each; per-token objectives also get the reference's [2B, T−1] tokens (same forward)
  const ref = referenceInputs(objective, reference, batch);
  const refLogps: PairLogps | undefined = ref.logps;
  const refTokens: tf.Tensor2D | undefined = ref.tokens;
  const vars = policy.trainableVariables as tf.Variable[];
  let packed: tf.Tensor | undefined;
  let ordered: tf.Tensor[] | undefined;
  let next: ObjectiveState | undefined;
  try {
    if (onPhase && refLogps) await refLogps.chosen.data(); // flush queued backends before the mark
    onPhase?.('referenceForward');
    const { value, grads } = tf.variableGrads(() => {
      const out = objectiveForward(policy, objective, batch, refLogps, refTokens, state?.current);
      packed = tf.keep(out.stats); // [7], outlives the tape's scope
      if (out.state)
        next = Object.fromEntries(Object.entries(out.state).map(([k, t]) => [k, tf.keep(t)]));
      onPhase?.('forward');
      return out.loss;
    }, vars);
    value.dispose();
    ordered = vars.map((v) => grads[v.name] ?? tf.zerosLike(v)); // unused variables: 0
    const extra = Object.keys(grads).filter((k) => !vars.some((v) => v.name === k));
    tf.dispose(extra.map((k) => grads[k]));
    const p = packed!;
    packed = undefined;
    state?.advance(next); // the stateful objective's state moves on only after a good micro-batch
    next = undefined;
    return { grads: ordered, stats: await batchStats(p, batch.size) };
  } catch (e) {
    if (ordered) tf.dispose(ordered);
    throw e;
  } finally {
    packed?.dispose();
    if (next) tf.dispose(Object.values(next));
    refTokens?.dispose();
    if (refLogps) tf.dispose([refLogps.chosen, refLogps.rejected]);
  }
}
