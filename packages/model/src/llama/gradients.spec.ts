import { resolve } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { torchReferenceValues, useCpuBackend } from '@prefopt/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadModel } from '../loadModel';

/** The tiny model's section of the reference values: gradients by `'tok[5, :4]'`-style keys. */
interface LlamaTinyReference {
  gradients: Record<string, number[]>;
}

const TINY_BIN = resolve(import.meta.dirname, '../../test/fixtures/tiny/tiny.bin');

beforeAll(async () => {
  await useCpuBackend();
});

describe('gradients of the whole model', () => {
  it('equal PyTorch’s for Σ log p(x_t | x_<t) on the tiny GQA, untied model', () => {
    // tools/reference/llama2c_fixtures.py writes them (fixtures/reference/torch-values.json);
    // PyTorch holds matrices [out, in], prefopt [in, out]: torch W[r, c] is prefopt W[c, r].
    const reference = torchReferenceValues<LlamaTinyReference>('llamaTiny').gradients;
    const model = loadModel(TINY_BIN);
    const { weights: w } = model;
    const ids = tf.tensor2d([[1, 5, 3, 7, 2]], [1, 5], 'int32');
    const { value, grads } = tf.variableGrads(
      () => tf.sum(model.tokenLogps(ids)) as tf.Scalar,
      model.trainableVariables as tf.Variable[],
    );
    const at = (v: tf.Variable, index: (c: number) => number) => {
      const g = grads[v.name].dataSync();
      return [0, 1, 2, 3].map((c) => g[index(c)]);
    };
    const got = {
      'tok[5, :4]': at(w.embedding, (c) => 5 * 8 + c), // [V=10, D=8]
      'wq[0][0, :4]': at(w.layers[0].wq, (c) => c * 8 + 0), // [D=8, H·hd=8]
      'wk[1][1, :4]': at(w.layers[1].wk, (c) => c * 4 + 1), // [D=8, KV·hd=4]
      'w2[1][0, :4]': at(w.layers[1].w2, (c) => c * 8 + 0), // [F=12, D=8]
      'out[3, :4]': at(w.classifier!, (c) => c * 10 + 3), // [D=8, V=10]
      'attn_norm[0][:4]': at(w.layers[0].attnNorm, (c) => c), // [D]
    };
    expect(Object.keys(reference).sort()).toEqual(Object.keys(got).sort());
    for (const [key, values] of Object.entries(reference)) {
      values.forEach((v, i) =>
        expect(got[key as keyof typeof got][i], `${key}[${i}]`).toBeCloseTo(v, 4),
      );
    }
    tf.dispose([ids, value, ...Object.values(grads)]);
    model.dispose();
  });
});
