import * as tf from '@tensorflow/tfjs';
import { useCpuBackend } from '@prefopt/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { createModel } from '../createModel';
import { KvCache } from './KvCache';

beforeAll(async () => {
  await useCpuBackend();
});

// every optional feature at once: biases, head size ≠ dim / heads, llama3 RoPE, sliding window
const CONFIG = {
  dim: 12,
  hiddenDim: 20,
  layers: 2,
  heads: 3,
  kvHeads: 1,
  vocab: 17,
  seqLen: 16,
  headDim: 6,
  qkvBias: true,
  outBias: true,
  mlpBias: true,
  slidingWindow: 3,
  ropeScaling: {
    type: 'llama3' as const,
    factor: 4,
    lowFreqFactor: 1,
    highFreqFactor: 4,
    originalMaxPositions: 8,
  },
};

describe('a model with biases, head_dim, llama3 RoPE and a sliding window', () => {
  it('every bias is a trainable variable with a gradient; a step leaves numTensors unchanged', () => {
    const model = createModel(CONFIG, { seed: 3 });
    // biases start at 0 as transformers'; give every 1-D parameter (norms, biases) values that matter
    for (const v of model.trainableVariables)
      if (v.shape.length === 1) v.assign(tf.randomNormal(v.shape, 0, 0.3, 'float32', 7));
    const oneDimensional = model.trainableVariables.filter((v) => v.shape.length === 1).length;
    expect(oneDimensional).toBe(2 * (2 + 7) + 1); // norms (2 per layer + final) + 7 biases per layer
    const ids = tf.tensor2d([[1, 4, 5, 6, 2, 9, 3, 8]], [1, 8], 'int32');
    const run = () => {
      const { value, grads } = tf.variableGrads(
        () => tf.sum(model.tokenLogps(ids)) as tf.Scalar,
        model.trainableVariables as tf.Variable[],
      );
      const zero = Object.entries(grads).filter(
        ([, g]) => tf.tidy(() => tf.sum(tf.abs(g)).dataSync()[0]) === 0,
      );
      expect(zero.map(([n]) => n)).toEqual([]);
      tf.dispose([value, ...Object.values(grads)]);
    };
    run();
    const before = tf.memory().numTensors;
    run();
    expect(tf.memory().numTensors).toBe(before);
    ids.dispose();
    model.dispose();
  });

  it('decoding with a KV cache gives the full forward’s logits past the window', () => {
    const model = createModel(CONFIG, { seed: 4 });
    const seq = [1, 4, 5, 6, 2, 9, 3, 8, 11];
    const ids = tf.tensor2d([seq], [1, seq.length], 'int32');
    const full = tf.tidy(() => model.logits(ids).arraySync()[0]); // [T, V]
    const cache = new KvCache(CONFIG.layers);
    const prefix = tf.tensor2d([seq.slice(0, 2)], [1, 2], 'int32');
    const rows = [tf.tidy(() => model.decode(prefix, cache).arraySync()[0])];
    for (const id of seq.slice(2)) {
      const one = tf.tensor2d([[id]], [1, 1], 'int32');
      rows.push(tf.tidy(() => model.decode(one, cache).arraySync()[0]));
      one.dispose();
    }
    rows.forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(full[i + 1][j], 4)));
    // the window matters: without it the last position's logits differ
    const unwindowed = createModel({ ...CONFIG, slidingWindow: undefined }, { seed: 4 });
    const other = tf.tidy(() => unwindowed.logits(ids).arraySync()[0]);
    expect(Math.max(...other[8].map((v, j) => Math.abs(v - full[8][j])))).toBeGreaterThan(1e-4);
    tf.dispose([ids, prefix]);
    cache.dispose();
    model.dispose();
    unwindowed.dispose();
  });
});
