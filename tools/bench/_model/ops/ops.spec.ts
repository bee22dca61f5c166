import * as tf from '@tensorflow/tfjs';
import { useCpuBackend } from '@prefopt/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { batchMatMul } from './batchMatMul';
import { gatherRows } from './gatherRows';
import { matMul2d } from './matMul2d';

beforeAll(async () => {
  await useCpuBackend();
});

/** Values and gradients of `f` w.r.t. `xs`, as plain arrays. */
function valueAndGrads(f: (...xs: tf.Tensor[]) => tf.Tensor, xs: tf.Tensor[]) {
  return tf.tidy(() => {
    const { value, grads } = tf.valueAndGrads((...a: tf.Tensor[]) => tf.sum(tf.square(f(...a))))(
      xs,
    );
    return { value: value.arraySync(), grads: grads.map((g) => g.arraySync()) };
  });
}

describe('custom-gradient ops equal tfjs built-ins', () => {
  it('matMul2d: value and both gradients equal tf.matMul', () => {
    const a = tf.randomNormal([3, 4], 0, 1, 'float32', 1);
    const b = tf.randomNormal([4, 5], 0, 1, 'float32', 2);
    const ours = valueAndGrads((x, y) => matMul2d(x as tf.Tensor2D, y as tf.Tensor2D), [a, b]);
    const ref = valueAndGrads((x, y) => tf.matMul(x as tf.Tensor2D, y as tf.Tensor2D), [a, b]);
    expect(ours.value).toBeCloseTo(ref.value as number, 4);
    for (let i = 0; i < 2; i++) {
      expect((ours.grads[i] as number[][]).flat()).toEqual(
        (ref.grads[i] as number[][]).flat().map((v) => expect.closeTo(v, 4)),
      );
    }
    tf.dispose([a, b]);
  });

  it('batchMatMul: value and both gradients equal batched tf.matMul', () => {
    const a = tf.randomNormal([3, 2, 4], 0, 1, 'float32', 3);
    const b = tf.randomNormal([3, 4, 5], 0, 1, 'float32', 4);
    const ours = valueAndGrads((x, y) => batchMatMul(x as tf.Tensor3D, y as tf.Tensor3D), [a, b]);
    const ref = valueAndGrads((x, y) => tf.matMul(x as tf.Tensor3D, y as tf.Tensor3D), [a, b]);
    expect(ours.value).toBeCloseTo(ref.value as number, 3);
    for (let i = 0; i < 2; i++) {
      expect((ours.grads[i] as number[][][]).flat(2)).toEqual(
        (ref.grads[i] as number[][][]).flat(2).map((v) => expect.closeTo(v, 4)),
      );
    }
    tf.dispose([a, b]);
  });

  it('gatherRows: gradient scatter-adds repeated ids (hand-worked)', () => {
    // table rows r0..r2 of width 2; ids [2, 0, 2]; loss = Σ rows² → d/dtable = 2·row per use:
    // row 2 used twice → 4·r2, row 0 once → 2·r0, row 1 never → 0.
    const table = tf.tensor2d([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
    const ids = tf.tensor1d([2, 0, 2], 'int32');
    const grad = tf.tidy(() =>
      tf
        .grad((t: tf.Tensor) => tf.sum(tf.square(gatherRows(t as tf.Tensor2D, ids))))(table)
        .arraySync(),
    );
    expect(grad).toEqual([
      [2, 4],
      [0, 0],
      [20, 24],
    ]);
    tf.dispose([table, ids]);
  });
});
