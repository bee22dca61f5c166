import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { wasmAdapter } from '../wasmAdapter';

/** Values 0..n-1 as a tensor of `shape` (so every expected element is its own flat index). */
const iota = (shape: number[], dtype: 'float32' | 'int32' = 'float32') =>
  tf.tensor(
    Array.from({ length: shape.reduce((a, b) => a * b, 1) }, (_, i) => i),
    shape,
    dtype,
  );

describe('fast Slice and Unpack on wasm', () => {
  beforeAll(async () => {
    await wasmAdapter.activate();
  });

  it('is the replacement that runs on wasm', () => {
    expect(tf.getBackend()).toBe('wasm');
    const slice = tf.getKernel('Slice', 'wasm') as unknown as Record<symbol, unknown>;
    expect(slice[Symbol.for('prefopt.wasmKernel')]).toBe(true);
  });

  it('slices strided blocks', async () => {
    // x = iota [2, 3, 4]: x[a, b, c] = 12a + 4b + c. Slice begin [1, 1, 1] size [1, 2, 2]:
    // (1,1,1)=17 (1,1,2)=18 (1,2,1)=21 (1,2,2)=22.
    const y = tf.slice(iota([2, 3, 4]), [1, 1, 1], [1, 2, 2]);
    expect(y.shape).toEqual([1, 2, 2]);
    expect(Array.from(await y.data())).toEqual([17, 18, 21, 22]);
    // Contiguous: rows 1..2 of iota [3, 2] = [2, 3, 4, 5]; int32 stays int32.
    const z = tf.slice(iota([3, 2], 'int32'), [1, 0], [2, 2]);
    expect(z.dtype).toBe('int32');
    expect(Array.from(await z.data())).toEqual([2, 3, 4, 5]);
    // Rank 5, last axis cut: iota [1, 1, 2, 1, 3] → [:, :, :, :, 1:3] = [1, 2, 4, 5].
    expect(
      Array.from(
        await tf.slice(iota([1, 1, 2, 1, 3]), [0, 0, 0, 0, 1], [-1, -1, -1, -1, 2]).data(),
      ),
    ).toEqual([1, 2, 4, 5]);
  });

  it('unstacks along any axis', async () => {
    // iota [2, 3]: axis 0 → [0,1,2], [3,4,5]; axis 1 → [0,3], [1,4], [2,5].
    const rows = tf.unstack(iota([2, 3]));
    expect(await Promise.all(rows.map(async (t) => Array.from(await t.data())))).toEqual([
      [0, 1, 2],
      [3, 4, 5],
    ]);
    const cols = tf.unstack(iota([2, 3]), 1);
    expect(cols.map((t) => t.shape)).toEqual([[2], [2], [2]]);
    expect(await Promise.all(cols.map(async (t) => Array.from(await t.data())))).toEqual([
      [0, 3],
      [1, 4],
      [2, 5],
    ]);
  });

  it('gives the gradient of stack → unstack, and leaks no backend memory', async () => {
    const x = iota([3, 2, 2]); // [S, M, N]
    const dataIds = tf.engine().backend.numDataIds();
    const tensors = tf.memory().numTensors;
    // d/dx Σ_i (i+1)·unstack(x)[i] = slice i filled with i+1.
    const g = tf.grad((t: tf.Tensor) =>
      tf.addN(tf.unstack(t).map((s, i) => tf.mul(tf.sum(s), i + 1))),
    )(x);
    expect(Array.from(await g.data())).toEqual([1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3]);
    g.dispose();
    expect(tf.memory().numTensors).toBe(tensors);
    expect(tf.engine().backend.numDataIds()).toBe(dataIds);
    x.dispose();
  });
});
