import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { webgpuAdapter } from '../webgpuAdapter';

const available = await webgpuAdapter.isAvailable();

describe.skipIf(!available)('AddN of more inputs than a shader binds, on webgpu', () => {
  beforeAll(async () => {
    await webgpuAdapter.activate();
  });

  it('sums 20 tensors (the gradient norms of a 2-layer model) in one tf.addN', async () => {
    // x_k = [k, −2k] for k = 1..20: Σ = [210, −420] (20·21/2 = 210).
    const xs = Array.from({ length: 20 }, (_, i) => tf.tensor1d([i + 1, -2 * (i + 1)]));
    const y = tf.addN(xs); // [2]
    expect(Array.from(await y.data())).toEqual([210, -420]);
    tf.dispose([...xs, y]);
  });

  it('sums in the original order at every count around the chunk size', async () => {
    // 1..n for n = 2..17 crosses chunk boundaries at limit − 1 = 7 inputs: Σ = n(n+1)/2.
    for (let n = 2; n <= 17; n++) {
      const xs = Array.from({ length: n }, (_, i) => tf.scalar(i + 1));
      const y = tf.addN(xs);
      expect((await y.data())[0], `n = ${n}`).toBe((n * (n + 1)) / 2);
      tf.dispose([...xs, y]);
    }
  });

  it('leaves no tensors and no backend buffers behind', async () => {
    const xs = Array.from({ length: 16 }, () => tf.ones([3]));
    const tensors = tf.memory().numTensors;
    const dataIds = tf.engine().backend.numDataIds();
    const y = tf.addN(xs);
    await y.data();
    y.dispose();
    expect(tf.memory().numTensors).toBe(tensors);
    expect(tf.engine().backend.numDataIds()).toBe(dataIds);
    tf.dispose(xs);
  });
});
