import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useCpuBackend } from '@prefopt/testing';
import { clipByGlobalNorm } from './clipByGlobalNorm';

describe('clipByGlobalNorm', () => {
  beforeAll(useCpuBackend);

  it('matches torch clip_grad_norm_ (max_norm 1) and reports the pre-clip norm', async () => {
    const a = tf.tensor2d([
      [0.1, -0.2],
      [0.3, 0.0],
    ]);
    const b = tf.tensor1d([1.0, 0.5]);
    const before = tf.memory().numTensors;
    const { clipped, norm } = await clipByGlobalNorm([a, b], 1);
    // √(0.01 + 0.04 + 0.09 + 1 + 0.25) = √1.39 = 1.17898...; torch prints 1.1789826154708862
    expect(norm).toBeCloseTo(1.1789826154708862, 6);
    // /usr/bin/python3 tools/reference/adamw_reference.py
    const ref = [
      0.08481882512569427, -0.16963765025138855, 0.254456490278244, 0.0, 0.8481882214546204,
      0.4240941107273102,
    ];
    const got = [...clipped[0].dataSync(), ...clipped[1].dataSync()];
    got.forEach((x, i) => expect(x).toBeCloseTo(ref[i], 6));
    tf.dispose(clipped);
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([a, b]);
  });

  it('leaves gradients below the limit unchanged and reports non-finite norms', async () => {
    const a = tf.tensor1d([0.3, 0.4]); // norm 0.5
    const { clipped, norm } = await clipByGlobalNorm([a], 1);
    expect(norm).toBeCloseTo(0.5, 6);
    expect(Array.from(clipped[0].dataSync())).toEqual(Array.from(a.dataSync()));
    const nan = tf.tensor1d([NaN, 1]);
    const bad = await clipByGlobalNorm([nan], 1);
    expect(Number.isNaN(bad.norm)).toBe(true);
    tf.dispose([a, nan, ...clipped, ...bad.clipped]);
  });
});
