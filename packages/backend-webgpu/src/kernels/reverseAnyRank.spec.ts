import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { webgpuAdapter } from '../webgpuAdapter';

const available = await webgpuAdapter.isAvailable();

describe.skipIf(!available)('Reverse above rank 4 on webgpu', () => {
  beforeAll(async () => {
    await webgpuAdapter.activate();
  });

  it('swaps interleaved pairs of a rank-5 tensor (the rotary embedding)', async () => {
    // [1, 2, 1, 2, 2] holding 1..8; reversing the last axis swaps each pair:
    // (1,2)(3,4)(5,6)(7,8) → (2,1)(4,3)(6,5)(8,7).
    const x = tf.tensor([1, 2, 3, 4, 5, 6, 7, 8], [1, 2, 1, 2, 2]);
    const y = tf.reverse(x, -1); // [1, 2, 1, 2, 2]
    expect(y.shape).toEqual([1, 2, 1, 2, 2]);
    expect(Array.from(await y.data())).toEqual([2, 1, 4, 3, 6, 5, 8, 7]);
    tf.dispose([x, y]);
  });

  it('reverses two non-adjacent axes of a rank-5 tensor', async () => {
    // [2, 1, 1, 1, 3]: rows r0 = (1,2,3), r1 = (4,5,6). Reversing axes 0 and 4 flips the
    // row order and each row: (6,5,4), (3,2,1).
    const x = tf.tensor([1, 2, 3, 4, 5, 6], [2, 1, 1, 1, 3]);
    const y = tf.reverse(x, [0, 4]);
    expect(Array.from(await y.data())).toEqual([6, 5, 4, 3, 2, 1]);
    tf.dispose([x, y]);
  });

  it('leaves no tensors and no backend buffers behind', async () => {
    const x = tf.tensor([1, 2, 3, 4], [1, 1, 1, 2, 2]);
    const tensors = tf.memory().numTensors;
    const dataIds = tf.engine().backend.numDataIds();
    tf.dispose(tf.reverse(x, -1));
    expect(tf.memory().numTensors).toBe(tensors);
    expect(tf.engine().backend.numDataIds()).toBe(dataIds);
    x.dispose();
  });
});
