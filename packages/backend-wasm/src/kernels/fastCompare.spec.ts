import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { wasmAdapter } from '../wasmAdapter';

const read = async (t: tf.Tensor) => Array.from(await t.data());

describe('fast comparisons on wasm', () => {
  beforeAll(async () => {
    await wasmAdapter.activate();
  });

  it('is the replacement that runs on wasm', () => {
    expect(tf.getBackend()).toBe('wasm');
    const equal = tf.getKernel('Equal', 'wasm') as unknown as Record<symbol, unknown>;
    expect(equal[Symbol.for('prefopt.wasmKernel')]).toBe(true);
  });

  it('broadcasts a row maximum against its rows (the gradient of max)', async () => {
    // x = [[1, 5, 5], [7, 2, 3]], row max [[5], [7]]: equal → [[0,1,1],[1,0,0]].
    const x = tf.tensor2d([1, 5, 5, 7, 2, 3], [2, 3]);
    const m = tf.max(x, 1, true); // [2, 1]
    const eq = tf.equal(x, m); // [2, 3]
    expect(eq.dtype).toBe('bool');
    expect(eq.shape).toEqual([2, 3]);
    expect(await read(eq)).toEqual([0, 1, 1, 1, 0, 0]);
  });

  it('broadcasts both sides, scalars and int32', async () => {
    // a [2, 1, 2] = [[[1, 4]], [[2, 3]]], b [3, 1] = [[1], [2], [3]] → out [2, 3, 2]:
    // out[i, j, k] = a[i, 0, k] > b[j, 0]:
    // i=0: (1,4) vs 1 → 0 1; vs 2 → 0 1; vs 3 → 0 1.  i=1: (2,3) vs 1 → 1 1; vs 2 → 0 1; vs 3 → 0 0.
    const gt = tf.greater(tf.tensor3d([1, 4, 2, 3], [2, 1, 2]), tf.tensor2d([1, 2, 3], [3, 1]));
    expect(gt.shape).toEqual([2, 3, 2]);
    expect(await read(gt)).toEqual([0, 1, 0, 1, 0, 1, 1, 1, 0, 1, 0, 0]);
    // int32 [1, 2, 3] against scalar 2: ≥ → 0 1 1; < → 1 0 0; ≠ → 1 0 1; ≤ → 1 1 0.
    const v = tf.tensor1d([1, 2, 3], 'int32');
    const two = tf.scalar(2, 'int32');
    expect(await read(tf.greaterEqual(v, two))).toEqual([0, 1, 1]);
    expect(await read(tf.less(v, two))).toEqual([1, 0, 0]);
    expect(await read(tf.notEqual(v, two))).toEqual([1, 0, 1]);
    expect(await read(tf.lessEqual(v, two))).toEqual([1, 1, 0]);
    expect(await read(tf.equal(tf.scalar(3), tf.scalar(3)))).toEqual([1]);
  });

  it('keeps logSumExp gradients right: softmax of the row', async () => {
    // d/dx logSumExp([0, ln 3]) = softmax = [1/4, 3/4].
    const g = tf.grad((x: tf.Tensor) => tf.logSumExp(x))(tf.tensor1d([0, Math.log(3)]));
    const [g0, g1] = await read(g);
    expect(g0).toBeCloseTo(0.25, 6);
    expect(g1).toBeCloseTo(0.75, 6);
  });
});
