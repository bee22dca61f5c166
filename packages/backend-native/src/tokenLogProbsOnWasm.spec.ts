import * as tf from '@tensorflow/tfjs';
import { wasmAdapter } from '@prefopt/backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { TOKEN_LOG_PROBS, tokenLogProbs } from '@prefopt/model';

/** The unfused reference: gather(logSoftmax(x), t) with tfjs's own gradients. */
function reference(x: tf.Tensor2D, t: tf.Tensor1D): tf.Tensor1D {
  const [n, v] = x.shape;
  const flat = tf.add(tf.mul(tf.range(0, n, 1, 'int32'), tf.scalar(v, 'int32')), t); // [N]
  return tf.gather(tf.reshape(tf.logSoftmax(x), [n * v]), flat) as tf.Tensor1D; // [N]
}

function run(op: typeof tokenLogProbs): number[][] {
  return tf.tidy(() => {
    const x = tf.mul(tf.randomNormal([6, 11], 0, 1, 'float32', 3), 3) as tf.Tensor2D; // [N, V]
    const t = tf.tensor1d([0, 10, 3, 3, 7, 5], 'int32'); // [N]
    const w = tf.tensor1d([1, -2, 0, 0.5, 3, 0]); // [N]
    const g = tf.grad((y: tf.Tensor) => tf.sum(tf.mul(op(y as tf.Tensor2D, t), w)))(x); // [N, V]
    return [Array.from(op(x, t).dataSync()), Array.from(g.dataSync())];
  });
}

// Plain wasm (no native kernels in this process): the composite path. Guards against wasm
// 4.22's OneHot, which ignores dtype float32 (1 becomes 1.4e-45).
describe('tokenLogProbs on plain wasm', () => {
  beforeAll(async () => {
    tf.env().set('PROD', true);
  });

  it('matches the unfused cpu reference in values and gradient', async () => {
    await tf.setBackend('cpu');
    const expected = run(reference);
    await wasmAdapter.activate();
    expect(tf.getBackend()).toBe('wasm');
    expect(tf.getKernel(TOKEN_LOG_PROBS, 'wasm')).toBeUndefined();
    const before = tf.memory().numTensors;
    const actual = run(tokenLogProbs);
    expect(tf.memory().numTensors).toBe(before);
    actual.forEach((row, i) =>
      row.forEach((v, j) => expect(Math.abs(v - expected[i][j])).toBeLessThan(1e-5)),
    );
  });
});
