import * as tf from '@tensorflow/tfjs-core';
import type { CausalLM, PreferenceBatch, SequenceLogpsResult } from '@prefopt/core';

/**
 * A two-matrix causal LM for the trainer's specs (not exported): logits[t] =
 * tanh(E[x_t] ⊙ g) · W, so each token predicts the next from itself alone. Small enough
 * that 50 steps take milliseconds, real enough that SimPO and DPO move its log-probs.
 */
export class TinyLM implements CausalLM {
  readonly maxSeqLen = 64;
  readonly trainableVariables: tf.Variable[];
  /** How many times `sequenceLogps` ran (the reference-free spec counts it). */
  calls = 0;

  constructor(
    readonly vocabSize: number,
    dim: number,
    seed: number,
    weights?: Float32Array[],
  ) {
    const init = [
      tf.randomNormal([vocabSize, dim], 0, 0.5, 'float32', 2 * seed + 1), // E [V, D] (tfjs treats seed 0 as none)
      tf.ones([dim]), // g [D]
      tf.randomNormal([dim, vocabSize], 0, 0.5, 'float32', 2 * seed + 2), // W [D, V]
    ];
    const values = weights ? init.map((t, i) => tf.tensor(weights[i], t.shape)) : init;
    this.trainableVariables = values.map((t) => tf.variable(t, true));
    tf.dispose([...init, ...values]);
  }

  logits(inputIds: tf.Tensor2D): tf.Tensor3D {
    return tf.tidy(() => {
      const [E, g, W] = this.trainableVariables;
      const [N, T] = inputIds.shape;
      const h = tf.tanh(tf.mul(tf.gather(E, tf.reshape(inputIds, [-1])), g)); // [N·T, D]
      return tf.reshape(tf.matMul(h, W), [N, T, this.vocabSize]) as tf.Tensor3D; // [N, T, V]
    });
  }

  sequenceLogps(batch: PreferenceBatch): SequenceLogpsResult {
    this.calls += 1;
    const { size: B, seqLen: T } = batch;
    return tf.tidy(() => {
      const ids = tf.tensor2d(batch.inputIds, [2 * B, T], 'int32'); // [2B, T]
      const mask = tf.tensor2d(batch.completionMask, [2 * B, T]).slice([0, 1], [2 * B, T - 1]); // [2B, T-1]
      const logp = tf.logSoftmax(this.logits(ids.slice([0, 0], [2 * B, T - 1]) as tf.Tensor2D)); // [2B, T-1, V]
      const target = tf.oneHot(tf.reshape(ids.slice([0, 1], [2 * B, T - 1]), [-1]), this.vocabSize); // [2B·(T-1), V]
      const tok = tf.reshape(tf.sum(tf.mul(tf.reshape(logp, [-1, this.vocabSize]), target), -1), [
        2 * B,
        T - 1,
      ]); // [2B, T-1]
      const sums = tf.sum(tf.mul(tok, mask), 1); // [2B]
      const counts = tf.sum(mask, 1); // [2B]
      const [c, r] = tf.split(sums, 2) as [tf.Tensor1D, tf.Tensor1D];
      const [lc, lr] = tf.split(counts, 2) as [tf.Tensor1D, tf.Tensor1D];
      return { logps: { chosen: c, rejected: r }, lengths: { chosen: lc, rejected: lr } };
    });
  }

  /** Current weights, for a checkpoint fixture. */
  weights(): Float32Array[] {
    return this.trainableVariables.map((v) => Float32Array.from(v.dataSync() as Float32Array));
  }

  dispose(): void {
    tf.dispose(this.trainableVariables);
  }
}
