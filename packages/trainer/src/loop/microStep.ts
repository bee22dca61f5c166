import * as tf from '@tensorflow/tfjs-core';
import type { CausalLM, Objective, PairLogps, PreferenceBatch } from '@prefopt/core';
import type { ReferenceSource } from '../reference/ReferenceSource';
import { batchStats, type BatchStats } from './batchStats';

/**
 * Forward + backward of one micro-batch: gradients of the objective's loss w.r.t. the
 * policy's trainable variables (in their order), and the batch's metrics. The reference
 * (when given) runs before the tape, so it never sees a gradient. Returns new gradient
 * tensors that the caller disposes; nothing else outlives the call.
 */
export function microStep(
  policy: CausalLM,
  objective: Objective,
  batch: PreferenceBatch,
  reference: ReferenceSource | undefined,
): { grads: tf.Tensor[]; stats: BatchStats } {
  const refLogps: PairLogps | undefined = reference?.logps(batch); // [B] each
  const vars = policy.trainableVariables as tf.Variable[];
  let stats: BatchStats | undefined;
  try {
    const { value, grads } = tf.variableGrads(() => {
      const { logps, lengths } = policy.sequenceLogps(batch); // [B] each
      const out = objective.compute({ policy: logps, reference: refLogps, lengths });
      stats = batchStats(out, logps);
      return out.loss;
    }, vars);
    value.dispose();
    const ordered = vars.map((v) => grads[v.name] ?? tf.zerosLike(v)); // unused variables: 0
    const extra = Object.keys(grads).filter((k) => !vars.some((v) => v.name === k));
    tf.dispose(extra.map((k) => grads[k]));
    return { grads: ordered, stats: stats! };
  } finally {
    if (refLogps) tf.dispose([refLogps.chosen, refLogps.rejected]);
  }
}
