import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { nodeAdapter } from '../nodeAdapter';
import { registerTensorflowKernelFixes } from './tensorflowKernelFixes';

const ready = await nodeAdapter.isAvailable();
if (!ready)
  console.log(
    '[skip] tfjs-node kernel fixes: @tensorflow/tfjs-node is not set up here (npm ci does it: docs/backends.md).',
  );

describe.skipIf(!ready)('tensorflow kernel fixes (tfjs-node over a newer TF C library)', () => {
  beforeAll(async () => {
    await nodeAdapter.activate();
    registerTensorflowKernelFixes(); // a second time: must stay one wrapper
  });

  it('Round of int32 is the input (TF >= 2.17 answers zeros)', () => {
    const before = tf.memory().numTensors;
    const x = tf.tensor1d([1, -2, 3, 0, 2147483647], 'int32');
    const y = tf.round(x);
    expect(y.dtype).toBe('int32');
    expect(Array.from(y.dataSync())).toEqual([1, -2, 3, 0, 2147483647]);
    tf.dispose([x, y]);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('Round of float32 still rounds half to even', () => {
    const y = tf.round(tf.tensor1d([0.5, 1.5, 2.5, -1.7, 3.2]));
    expect(Array.from(y.dataSync())).toEqual([0, 2, 2, -2, 3]);
    y.dispose();
  });

  it('Concat of scalars is their vector (TF 2.9 ConcatV2), and frees its reshapes', () => {
    const before = tf.memory().numTensors;
    const parts = [tf.scalar(1.5), tf.scalar(-2), tf.scalar(7)];
    const y = tf.concat(parts);
    expect(y.shape).toEqual([3]);
    expect(Array.from(y.dataSync())).toEqual([1.5, -2, 7]);
    tf.dispose([...parts, y]);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('Concat of vectors and matrices is unchanged', () => {
    const a = tf.tensor2d([1, 2], [1, 2]);
    const b = tf.tensor2d([3, 4, 5, 6], [2, 2]);
    expect(tf.concat([a, b], 0).arraySync()).toEqual([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
    tf.dispose([a, b]);
  });
});
