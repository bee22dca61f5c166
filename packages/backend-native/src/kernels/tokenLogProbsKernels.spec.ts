import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadNativeAddon } from '../addon/loadNativeAddon';
import { nativeAdapter } from '../nativeAdapter';
import { nativeCpuAdapter } from '../nativeCpuAdapter';
import { TOKEN_LOG_PROBS, tokenLogProbs } from '@prefopt/model';

const native = loadNativeAddon().addon !== undefined;

/** The unfused reference: gather(logSoftmax(x), t) with tfjs's own gradients. */
function reference(x: tf.Tensor2D, t: tf.Tensor1D): tf.Tensor1D {
  const [n, v] = x.shape;
  const flat = tf.add(tf.mul(tf.range(0, n, 1, 'int32'), tf.scalar(v, 'int32')), t); // [N]
  return tf.gather(tf.reshape(tf.logSoftmax(x), [n * v]), flat) as tf.Tensor1D; // [N]
}

/** Values of the op and of d(Σ w·op)/dx under the current backend. */
function run(op: typeof tokenLogProbs): number[][] {
  return tf.tidy(() => {
    const x = tf.mul(tf.randomNormal([6, 11], 0, 1, 'float32', 3), 3) as tf.Tensor2D; // [N, V]
    const t = tf.tensor1d([0, 10, 3, 3, 7, 5], 'int32'); // [N]
    const w = tf.tensor1d([1, -2, 0, 0.5, 3, 0]); // [N], zeros as masked prompt tokens
    const g = tf.grad((y: tf.Tensor) => tf.sum(tf.mul(op(y as tf.Tensor2D, t), w)))(x); // [N, V]
    return [Array.from(op(x, t).dataSync()), Array.from(g.dataSync())];
  });
}

function expectClose(a: number[][], b: number[][], tol = 1e-5): void {
  a.forEach((row, i) => row.forEach((v, j) => expect(Math.abs(v - b[i][j])).toBeLessThan(tol)));
}

describe('tokenLogProbs kernels (the model op, run natively)', () => {
  beforeAll(async () => {
    tf.env().set('PROD', true);
    await tf.setBackend('cpu');
  });
  afterAll(async () => {
    await tf.setBackend('cpu');
  });

  for (const [adapter, backend] of [
    [nativeAdapter, 'wasm'],
    [nativeCpuAdapter, 'native-cpu'],
  ] as const) {
    it.skipIf(!native)(
      `${adapter.name} kernels match the unfused cpu reference in values and gradient`,
      async () => {
        await tf.setBackend('cpu');
        const expected = run(reference);
        await adapter.activate();
        await tf.setBackend(backend);
        expect(tf.getKernel(TOKEN_LOG_PROBS, backend)).toBeDefined();
        const before = tf.memory().numTensors;
        expectClose(run(tokenLogProbs), expected);
        expect(tf.memory().numTensors).toBe(before);
      },
    );
  }
});
