import * as tf from '@tensorflow/tfjs';
import type { PreferenceBatch } from '@prefopt/core';
import { useCpuBackend } from '@prefopt/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createModel } from '../createModel';
import { KvCache } from './KvCache';
import type { LlamaModel } from './LlamaModel';

// GQA (8 heads over 2 kv heads) with an untied head: the widest code path.
const CONFIG = { dim: 16, hiddenDim: 24, layers: 2, heads: 4, kvHeads: 2, vocab: 11, seqLen: 12 };

let model: LlamaModel;
beforeAll(async () => {
  await useCpuBackend();
  model = createModel({ ...CONFIG, sharedClassifier: false }, { seed: 7 });
});
afterAll(() => model.dispose());

// B = 2 pairs, T = 5. Row 0: prompt [1, 4], chosen [5, 6, 2]; row 2: same prompt, rejected [7, 2]
// then a pad (0); rows 1 / 3: prompt [1], completions of 4 / 2 tokens.
const BATCH: PreferenceBatch = {
  size: 2,
  seqLen: 5,
  inputIds: Int32Array.from([1, 4, 5, 6, 2, 1, 3, 3, 9, 2, 1, 4, 7, 2, 0, 1, 8, 2, 0, 0]),
  completionMask: Float32Array.from([0, 0, 1, 1, 1, 0, 1, 1, 1, 1, 0, 0, 1, 1, 0, 0, 1, 1, 0, 0]),
};

describe('LlamaModel', () => {
  it('same seed → same weights; other seed → other weights', () => {
    const again = createModel({ ...CONFIG, sharedClassifier: false }, { seed: 7 });
    const other = createModel({ ...CONFIG, sharedClassifier: false }, { seed: 8 });
    const w = (m: LlamaModel) => Array.from(m.weights.layers[1].wk.dataSync());
    expect(w(again)).toEqual(w(model));
    expect(w(other)).not.toEqual(w(model));
    again.dispose();
    other.dispose();
  });

  it('sequenceLogps equals masked sums of log-softmax(logits) read row by row', () => {
    const { logps, lengths } = model.sequenceLogps(BATCH);
    const t = BATCH.seqLen;
    const ids = tf.tensor2d(BATCH.inputIds, [4, t], 'int32');
    const logSoftmax = tf.tidy(() => tf.logSoftmax(model.logits(ids)).arraySync() as number[][][]); // [4, T, V]
    const expected = [0, 1, 2, 3].map((r) => {
      let s = 0;
      for (let j = 1; j < t; j++)
        s += BATCH.completionMask[r * t + j] * logSoftmax[r][j - 1][BATCH.inputIds[r * t + j]];
      return s;
    });
    const got = [...logps.chosen.dataSync(), ...logps.rejected.dataSync()];
    got.forEach((v, i) => expect(v).toBeCloseTo(expected[i], 4));
    // completion token counts straight from the mask: rows 3, 4 | 2, 2
    expect([...lengths.chosen.dataSync(), ...lengths.rejected.dataSync()]).toEqual([3, 4, 2, 2]);
    tf.dispose([ids, logps.chosen, logps.rejected, lengths.chosen, lengths.rejected]);
  });

  it('padding after the completion does not change the log-probs', () => {
    const padded = {
      ...BATCH,
      inputIds: BATCH.inputIds.map((id, i) =>
        BATCH.completionMask[i] || i % 5 < 2 || i < 5 ? id : 10,
      ),
    };
    const a = model.sequenceLogps(BATCH);
    const b = model.sequenceLogps(padded);
    expect(Array.from(b.logps.rejected.dataSync())).toEqual(
      Array.from(a.logps.rejected.dataSync()),
    );
    tf.dispose([a.logps.chosen, a.logps.rejected, a.lengths.chosen, a.lengths.rejected]);
    tf.dispose([b.logps.chosen, b.logps.rejected, b.lengths.chosen, b.lengths.rejected]);
  });

  it('forward + backward leaves tf.memory().numTensors unchanged', () => {
    const run = () => {
      const { value, grads } = tf.variableGrads(() => {
        const { logps } = model.sequenceLogps(BATCH);
        return tf.neg(tf.sum(tf.sub(logps.chosen, logps.rejected))) as tf.Scalar;
      }, model.trainableVariables as tf.Variable[]);
      const names = Object.keys(grads);
      expect(names).toHaveLength(model.trainableVariables.length);
      expect(
        tf.tidy(() => tf.addN(names.map((n) => tf.sum(tf.abs(grads[n])))).dataSync()[0]),
      ).toBeGreaterThan(0);
      tf.dispose([value, ...Object.values(grads)]);
    };
    run(); // warm-up: tfjs keeps a few internal tensors on first use
    const before = tf.memory().numTensors;
    run();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('decoding with a KV cache gives the full forward’s logits, position by position', () => {
    const seq = [1, 4, 5, 6, 2, 9];
    const ids = tf.tensor2d([seq], [1, seq.length], 'int32');
    const full = tf.tidy(() => model.logits(ids).arraySync()[0]); // [T, V]
    const cache = new KvCache(CONFIG.layers);
    const before = tf.memory().numTensors;
    const prefix = tf.tensor2d([seq.slice(0, 3)], [1, 3], 'int32');
    const rows = [tf.tidy(() => model.decode(prefix, cache).arraySync()[0])];
    for (const id of seq.slice(3)) {
      const step = tf.tensor2d([[id]], [1, 1], 'int32');
      rows.push(tf.tidy(() => model.decode(step, cache).arraySync()[0]));
      step.dispose();
    }
    expect(cache.length).toBe(seq.length);
    rows.forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(full[i + 2][j], 4)));
    cache.dispose();
    prefix.dispose();
    expect(tf.memory().numTensors).toBe(before - 0);
    ids.dispose();
  });

  it('rejects ids outside the vocabulary before any compute', () => {
    const bad = { ...BATCH, inputIds: BATCH.inputIds.map((id, i) => (i === 3 ? 11 : id)) };
    expect(() => model.sequenceLogps(bad)).toThrowError(/inputIds\[3\] = 11 is outside/);
    expect(() => model.sequenceLogps(bad)).toThrowError(expect.objectContaining({ kind: 'input' }));
  });
});
