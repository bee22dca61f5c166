// The small Llama both backend timing scripts measure (timeModelStep, wasmKernelGain), and one
// timed forward + backward of it.
import * as tf from '@tensorflow/tfjs';
import { createModel } from '@prefopt/model';

const config = { dim: 64, hiddenDim: 172, layers: 2, heads: 4, kvHeads: 4, vocab: 512, seqLen: 64 };
const T = 64;
const batch = {
  size: 2,
  seqLen: T,
  inputIds: Int32Array.from({ length: 4 * T }, (_, i) => (i * 7) % config.vocab), // [2B, T]
  completionMask: Float32Array.from({ length: 4 * T }, (_, i) => (i % T >= 16 ? 1 : 0)), // [2B, T]
};

/**
 * Creates the small Llama (seed 1) on the active backend. `stepMs()` times one step on a
 * batch of 2 pairs × 64 tokens: Σ sequenceLogps and every weight gradient, read back with
 * `await data()` (so webgpu is timed too), then disposed.
 */
export function createStepTimer() {
  const model = createModel(config, { seed: 1 });
  return {
    config,
    async stepMs(): Promise<number> {
      const start = performance.now();
      const { value, grads } = tf.variableGrads(() => {
        const r = model.sequenceLogps(batch);
        return tf.add(tf.sum(r.logps.chosen), tf.sum(r.logps.rejected)) as tf.Scalar;
      }, model.trainableVariables as tf.Variable[]);
      await Promise.all([value, ...Object.values(grads)].map((t) => t.data()));
      tf.dispose([value, ...Object.values(grads)]);
      return performance.now() - start;
    },
    dispose: () => model.dispose(),
  };
}
