import type * as tfjs from '@tensorflow/tfjs';
import type { CausalLM, PreferenceBatch } from '@prefopt/core';

/** A small model for `describeBackend`: the same weights are loaded on cpu and on the backend. */
export interface BackendModelCheck {
  /** Builds a small causal LM on the current backend (called once per backend). */
  create: () => CausalLM;
  /** A batch whose 2B rows go through `logits` and `sequenceLogps`. */
  batch: PreferenceBatch;
}

/** What one backend computed for the model check, as plain arrays. */
export interface BackendModelRun {
  weights: Float32Array[];
  logits: Float32Array; // [2B, T, V]
  logps: Float32Array; // [2B]: chosen then rejected
  grads: Float32Array[]; // one per trainable variable
  leakedTensors: number;
}

/**
 * Runs the model check on the current backend: forward logits, then the gradient of
 * Σ chosen − ½·Σ rejected (sequenceLogps) w.r.t. every trainable variable. With
 * `weights` (the cpu run's), the variables are set to them first, so both backends
 * compute on bit-equal weights. Counts tensors left behind by create → dispose.
 */
export async function runBackendModel(
  tf: typeof tfjs,
  check: BackendModelCheck,
  weights?: Float32Array[],
): Promise<BackendModelRun> {
  const before = tf.memory().numTensors;
  const model = check.create();
  try {
    const vars = model.trainableVariables as tfjs.Variable[];
    if (weights)
      vars.forEach((v, i) => tf.tidy(() => v.assign(tf.tensor(weights[i], v.shape, 'float32'))));
    const read = await Promise.all(vars.map((v) => v.data() as Promise<Float32Array>));
    const { batch } = check;
    const ids = tf.tensor2d(batch.inputIds, [2 * batch.size, batch.seqLen], 'int32'); // [2B, T]
    const logitsT = model.logits(ids); // [2B, T, V]
    const logits = (await logitsT.data()) as Float32Array;
    tf.dispose([ids, logitsT]);
    const kept: { logps?: tfjs.Tensor } = {};
    const { value, grads } = tf.variableGrads(() => {
      const r = model.sequenceLogps(batch);
      kept.logps = tf.keep(tf.concat([r.logps.chosen, r.logps.rejected])); // [2B]
      return tf.sub(tf.sum(r.logps.chosen), tf.mul(tf.sum(r.logps.rejected), 0.5)) as tfjs.Scalar;
    }, vars);
    const logps = (await kept.logps!.data()) as Float32Array;
    const gradValues = await Promise.all(
      vars.map((v) => grads[v.name].data() as Promise<Float32Array>),
    );
    tf.dispose([value, kept.logps!, ...Object.values(grads)]);
    model.dispose();
    return {
      weights: read,
      logits,
      logps,
      grads: gradValues,
      leakedTensors: tf.memory().numTensors - before,
    };
  } catch (e) {
    model.dispose();
    throw e;
  }
}
