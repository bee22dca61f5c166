import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createModel, modelWeights, saveModel } from '@prefopt/model';
import { useCpuBackend } from '@prefopt/testing';
import { readModelWeights } from './readModelWeights';
import { writeModel } from './writeModel';

// Untied head, GQA: every weight name of `weightShapes`, classifier included.
const CONFIG = {
  dim: 8,
  hiddenDim: 16,
  layers: 2,
  heads: 2,
  kvHeads: 1,
  vocab: 12,
  seqLen: 8,
  sharedClassifier: false,
};

describe('readModelWeights / writeModel (asynchronous reads)', () => {
  beforeAll(useCpuBackend);

  it('read the same names, order and values as modelWeights, leaving no tensors', async () => {
    const model = createModel(CONFIG, { seed: 4 });
    const before = tf.memory().numTensors;
    const got = await readModelWeights(model);
    expect(tf.memory().numTensors).toBe(before);
    const want = modelWeights(model);
    expect([...got.keys()]).toEqual([...want.keys()]);
    expect(got.has('classifier')).toBe(true);
    for (const [name, values] of want) expect(got.get(name)).toEqual(values);
    model.dispose();
  });

  it('write the same bytes as saveModel, HF folder and llama2.c file', async () => {
    const model = createModel(CONFIG, { seed: 4 });
    const dir = mkdtempSync(join(tmpdir(), 'prefopt-writemodel-'));
    saveModel(model, join(dir, 'a'));
    await writeModel(model, join(dir, 'b'));
    saveModel(model, join(dir, 'a.bin'));
    await writeModel(model, join(dir, 'b.bin'));
    for (const [a, b] of [
      ['a/model.safetensors', 'b/model.safetensors'],
      ['a/config.json', 'b/config.json'],
      ['a.bin', 'b.bin'],
    ]) {
      expect(readFileSync(join(dir, b)).equals(readFileSync(join(dir, a))), b).toBe(true);
    }
    model.dispose();
  });
});
