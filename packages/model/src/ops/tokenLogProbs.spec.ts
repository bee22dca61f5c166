import * as tf from '@tensorflow/tfjs';
import { PrefoptError, PrefoptTokenLogProbs } from '@prefopt/core';
import { useCpuBackend } from '@prefopt/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { tokenLogProbs } from './tokenLogProbs';

/** The unfused reference: gather(logSoftmax(x), t) with tfjs's own gradients. */
function reference(x: tf.Tensor2D, t: tf.Tensor1D): tf.Tensor1D {
  const [n, v] = x.shape;
  const flat = tf.add(tf.mul(tf.range(0, n, 1, 'int32'), tf.scalar(v, 'int32')), t); // [N]
  return tf.gather(tf.reshape(tf.logSoftmax(x), [n * v]), flat) as tf.Tensor1D; // [N]
}

/** Values of the op and of d(Σ w·op)/dx. */
function run(op: typeof tokenLogProbs): number[][] {
  return tf.tidy(() => {
    const x = tf.mul(tf.randomNormal([6, 11], 0, 1, 'float32', 3), 3) as tf.Tensor2D; // [N, V]
    const t = tf.tensor1d([0, 10, 3, 3, 7, 5], 'int32'); // [N]
    const w = tf.tensor1d([1, -2, 0, 0.5, 3, 0]); // [N], zeros as masked prompt tokens
    const g = tf.grad((y: tf.Tensor) => tf.sum(tf.mul(op(y as tf.Tensor2D, t), w)))(x); // [N, V]
    return [Array.from(op(x, t).dataSync()), Array.from(g.dataSync())];
  });
}

describe('tokenLogProbs', () => {
  beforeAll(useCpuBackend);

  it('is log softmax at the target (hand-worked)', () => {
    // logits [0, ln 3]: softmax = [1/4, 3/4]; target 1 → ln 0.75 = −0.2876821; target 0 → ln 0.25 = −1.3862944
    const x = tf.tensor2d([0, Math.log(3), 0, Math.log(3)], [2, 2]);
    const t = tf.tensor1d([1, 0], 'int32');
    const y = tokenLogProbs(x, t);
    const [a, b] = Array.from(y.dataSync());
    expect(a).toBeCloseTo(-0.2876821, 6);
    expect(b).toBeCloseTo(-1.3862944, 6);
    tf.dispose([x, t, y]);
  });

  it('has the gradient dy·(onehot − softmax) (hand-worked)', () => {
    // same row, target 1, dy = 2: 2·([0, 1] − [1/4, 3/4]) = [−0.5, 0.5]
    const x = tf.tensor2d([[0, Math.log(3)]]);
    const t = tf.tensor1d([1], 'int32');
    const g = tf.grad((y: tf.Tensor) => tf.mul(tokenLogProbs(y as tf.Tensor2D, t), 2))(x);
    const [a, b] = Array.from(g.dataSync());
    expect(a).toBeCloseTo(-0.5, 6);
    expect(b).toBeCloseTo(0.5, 6);
    tf.dispose([x, t, g]);
  });

  it('composite path (no kernel on cpu) matches gather(logSoftmax) in values and gradient', () => {
    expect(tf.getKernel(PrefoptTokenLogProbs, 'cpu')).toBeUndefined();
    const ours = run(tokenLogProbs);
    const ref = run(reference);
    ours.forEach((row, i) =>
      row.forEach((v, j) => expect(Math.abs(v - ref[i][j])).toBeLessThan(1e-5)),
    );
  });

  it('leaves numTensors unchanged through forward and gradient', () => {
    const before = tf.memory().numTensors;
    run(tokenLogProbs);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('rejects float targets with an input error that says to cast them', () => {
    const x = tf.zeros([2, 3]) as tf.Tensor2D;
    const t = tf.tensor1d([0, 1]);
    try {
      tokenLogProbs(x, t);
      expect.unreachable();
    } catch (e) {
      expect(PrefoptError.is(e, 'input')).toBe(true);
      expect((e as Error).message).toMatch(/targets must be int32.*tf\.cast/);
    }
    tf.dispose([x, t]);
  });
});
