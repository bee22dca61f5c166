import { resolve } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { useCpuBackend } from '@prefopt/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadModel } from '../loadModel';

const TINY_BIN = resolve(import.meta.dirname, '../../test/fixtures/tiny/tiny.bin');

beforeAll(async () => {
  await useCpuBackend();
});

describe('gradients of the whole model', () => {
  it('equal PyTorch’s for Σ log p(x_t | x_<t) on the tiny GQA, untied model', () => {
    // /usr/bin/python3 tools/reference/llama2c_fixtures.py packages/model/test/fixtures/tiny (second line);
    // PyTorch holds matrices [out, in], prefopt [in, out]: torch W[r, c] is prefopt W[c, r].
    const reference = {
      'tok[5, :4]': [-0.052762, 0.043757, -0.006198, -0.017384],
      'wq[0][0, :4]': [0.026083, -0.179203, -0.271339, -0.225111],
      'wk[1][1, :4]': [-0.061056, -0.054494, -0.110337, 0.196207],
      'w2[1][0, :4]': [0.025185, -0.02693, -0.026025, -0.003948],
      'out[3, :4]': [-0.522085, 0.948861, 0.028402, -1.009346],
      'attn_norm[0][:4]': [-0.436889, -0.85388, -0.668347, -0.211065],
    };
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
    for (const [key, values] of Object.entries(reference)) {
      values.forEach((v, i) =>
        expect(got[key as keyof typeof got][i], `${key}[${i}]`).toBeCloseTo(v, 4),
      );
    }
    tf.dispose([ids, value, ...Object.values(grads)]);
    model.dispose();
  });
});
