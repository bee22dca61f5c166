import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { wasmAdapter } from '../wasmAdapter';

describe('UnsortedSegmentSum on wasm', () => {
  beforeAll(async () => {
    await wasmAdapter.activate();
  });

  it('sums rows into segments and drops ids out of range', async () => {
    // x rows: r0=[1,2] r1=[3,4] r2=[5,6] r3=[7,8], ids [2,0,2,-1], 3 segments:
    // seg0 = r1 = [3,4]; seg1 = none = [0,0]; seg2 = r0 + r2 = [6,8]; r3 dropped.
    const y = tf.unsortedSegmentSum(
      tf.tensor2d([1, 2, 3, 4, 5, 6, 7, 8], [4, 2]), // [4, 2]
      tf.tensor1d([2, 0, 2, -1], 'int32'), // [4]
      3,
    ); // [3, 2]
    expect(y.shape).toEqual([3, 2]);
    expect(Array.from(await y.data())).toEqual([3, 4, 0, 0, 6, 8]);
  });

  it('keeps int32 dtype', async () => {
    // ids [1,1,0] over values [10,20,30]: seg0 = 30, seg1 = 10 + 20 = 30.
    const y = tf.unsortedSegmentSum(
      tf.tensor1d([10, 20, 30], 'int32'),
      tf.tensor1d([1, 1, 0], 'int32'),
      2,
    );
    expect(y.dtype).toBe('int32');
    expect(Array.from(await y.data())).toEqual([30, 30]);
  });

  it('gives gather its gradient (embedding lookup) and leaks no tensors', async () => {
    const table = tf.variable(tf.tensor2d([1, 2, 3, 4, 5, 6], [3, 2])); // [V=3, D=2]
    const ids = tf.tensor1d([0, 2, 0, 0], 'int32'); // [4]
    const weights = tf.tensor2d([1, 1, 2, 2, 3, 3, 4, 4], [4, 2]); // [4, 2]
    const before = tf.memory().numTensors;
    // loss = Σ_i Σ_d w[i,d]·table[ids[i],d]; d loss / d table[v] = Σ_{i: ids[i]=v} w[i]:
    // row0 = w0 + w2 + w3 = [1+3+4, 1+3+4] = [8, 8]; row1 = [0, 0]; row2 = w1 = [2, 2].
    const { grads, value } = tf.variableGrads(
      () => tf.sum(tf.mul(tf.gather(table, ids), weights)) as tf.Scalar,
    );
    expect(Array.from(await grads[table.name].data())).toEqual([8, 8, 0, 0, 2, 2]);
    // value = 1·(1+2) + 2·(5+6) + 3·(1+2) + 4·(1+2) = 3 + 22 + 9 + 12 = 46
    expect(await value.data()).toEqual(new Float32Array([46]));
    tf.dispose([value, ...Object.values(grads)]);
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([table, ids, weights]);
  });
});
