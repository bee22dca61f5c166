import * as tf from '@tensorflow/tfjs';
import { createModel, type LlamaModel } from '@prefopt/model';
import { useCpuBackend } from '@prefopt/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { applyLora } from './applyLora';
import { frozenMatMul } from './frozenMatMul';

const CONFIG = { dim: 16, hiddenDim: 24, layers: 2, heads: 4, kvHeads: 2, vocab: 11, seqLen: 12 };
const IDS = [
  [1, 4, 5, 6, 2, 3],
  [1, 3, 3, 9, 2, 7],
];

const base = (): LlamaModel => createModel({ ...CONFIG, sharedClassifier: true }, { seed: 3 });
const values = (t: tf.Tensor) => Array.from(t.dataSync());

beforeAll(useCpuBackend);

describe('LoRA training', () => {
  it("fresh adapters (B = 0, PEFT's init) leave the model equal to its base", () => {
    const reference = base();
    const model = applyLora(base(), { options: { rank: 4, targets: 'q,k,v,o' } });
    const ids = tf.tensor2d(IDS, undefined, 'int32');
    const a = model.tokenLogps(ids);
    const b = reference.tokenLogps(ids);
    expect(values(a)).toEqual(values(b));
    tf.dispose([ids, a, b]);
    model.dispose();
    reference.dispose();
  });

  it('only adapter weights train: the gradient reaches A and B, the base stays frozen', () => {
    const model = applyLora(base(), {
      options: { rank: 2, alpha: 4, targets: ['q_proj', 'down'] },
    });
    // B = 0 makes A's gradient 0 at the start; give B values so both are exercised
    for (const { pair } of model.adapters.entries()) pair.b.assign(tf.fill(pair.b.shape, 0.1));
    const before = model.base.trainableVariables.map(values);
    expect(model.base.trainableVariables.every((v) => !v.trainable)).toBe(true);
    expect(model.adapters.entries().map((e) => `${e.layer}.${e.name}`)).toEqual([
      '0.q',
      '0.down',
      '1.q',
      '1.down',
    ]);
    expect(model.trainableVariables.map((v) => v.shape)).toEqual([
      [16, 2], // q: A [in, r]
      [2, 16], //    B [r, out]
      [24, 2], // down: A [hidden, r]
      [2, 16],
      [16, 2],
      [2, 16],
      [24, 2],
      [2, 16],
    ]);
    const ids = tf.tensor2d(IDS, undefined, 'int32');
    const warm = tf.variableGrads(
      () => tf.neg(tf.sum(model.tokenLogps(ids))) as tf.Scalar,
      model.trainableVariables as tf.Variable[],
    );
    tf.dispose([warm.value, ...Object.values(warm.grads)]);
    const count = tf.memory().numTensors;
    const { value, grads } = tf.variableGrads(
      () => tf.neg(tf.sum(model.tokenLogps(ids))) as tf.Scalar,
      model.trainableVariables as tf.Variable[],
    );
    expect(Object.keys(grads)).toHaveLength(8);
    for (const g of Object.values(grads))
      expect(Math.max(...values(g).map(Math.abs))).toBeGreaterThan(0);
    tf.dispose([value, ...Object.values(grads)]);
    expect(tf.memory().numTensors).toBe(count);
    expect(model.base.trainableVariables.map(values)).toEqual(before);
    ids.dispose();
    model.dispose();
  });

  it('frozenMatMul: the value of x·W and the x-gradient dy·Wᵀ, nothing for W', () => {
    // x = [[1, 2]], W = [[1, 0, 2], [0, 1, 3]] → x·W = [[1, 2, 8]]; d Σ(x·W) / dx = [1+0+2, 0+1+3] = [3, 4]
    const x = tf.tensor2d([[1, 2]]);
    const w = tf.tensor2d([
      [1, 0, 2],
      [0, 1, 3],
    ]);
    expect(values(frozenMatMul(x, w))).toEqual([1, 2, 8]);
    const dx = tf.grad((input: tf.Tensor) => tf.sum(frozenMatMul(input as tf.Tensor2D, w)))(x);
    expect(values(dx)).toEqual([3, 4]);
    tf.dispose([x, w, dx]);
  });

  it('dropout acts under a gradient tape only (training), never in a plain forward', () => {
    const model = applyLora(base(), { options: { rank: 4, dropout: 0.5, targets: 'all-linear' } });
    for (const { pair } of model.adapters.entries()) pair.b.assign(tf.fill(pair.b.shape, 0.2));
    const ids = tf.tensor2d(IDS, undefined, 'int32');
    const plain1 = values(model.tokenLogps(ids));
    const plain2 = values(model.tokenLogps(ids));
    expect(plain1).toEqual(plain2);
    let taped: number[] = [];
    const { value, grads } = tf.variableGrads(() => {
      const l = model.tokenLogps(ids);
      taped = values(l);
      return tf.sum(l) as tf.Scalar;
    }, model.trainableVariables as tf.Variable[]);
    expect(taped).not.toEqual(plain1);
    tf.dispose([value, ...Object.values(grads), ids]);
    model.dispose();
  });
});
