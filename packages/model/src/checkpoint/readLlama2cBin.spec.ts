import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { PrefoptError } from '@prefopt/core';
import {
  fixturePath,
  torchReferenceValues,
  useCpuBackend,
  type Stories260KReference,
} from '@prefopt/testing';
import { beforeAll, expect, it, describe } from 'vitest';
import { loadModel } from '../loadModel';
import { saveModel } from '../saveModel';
import { modelWeights } from './modelWeights';

beforeAll(async () => {
  await useCpuBackend();
});

describe('llama2.c legacy checkpoint (stories260K)', () => {
  const bin = fixturePath('stories260K/stories260K.bin');
  it('reads the header and gives llama2.c’s log-probs for "Once upon a time"', () => {
    const model = loadModel(bin);
    expect(model.config).toMatchObject({
      dim: 64,
      hiddenDim: 172,
      layers: 5,
      heads: 8,
      kvHeads: 4,
      vocab: 512,
      seqLen: 512,
    });
    expect(model.config.sharedClassifier).toBe(true);
    // tools/reference/llama2c_reference.py write-fixtures (fixtures/reference/torch-values.json)
    const { tokens, logprobs: reference } =
      torchReferenceValues<Stories260KReference>('stories260K').score['Once upon a time'];
    expect(tokens).toEqual([1, 403, 407, 261, 378]);
    expect(reference).toHaveLength(4);
    const ids = tf.tensor2d([[1, 403, 407, 261, 378]], [1, 5], 'int32');
    const got = tf.tidy(() => Array.from(model.tokenLogps(ids).dataSync()));
    got.forEach((v, i) => expect(Math.abs(v - reference[i])).toBeLessThan(1e-5));
    ids.dispose();
    model.dispose();
  });

  it('writes the same bytes back (RoPE tables included), and a truncated copy fails naming the sizes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'prefopt-bin-'));
    const model = loadModel(bin);
    await saveModel(model, join(dir, 'copy.bin'));
    const original = readFileSync(bin);
    const copy = readFileSync(join(dir, 'copy.bin'));
    expect(copy.length).toBe(original.length);
    // weights bit-exact; the RoPE tables (recomputed) agree to float32 rounding
    const again = loadModel(join(dir, 'copy.bin'));
    const a = await modelWeights(model);
    const b = await modelWeights(again);
    for (const [name, values] of a)
      expect(Buffer.from(b.get(name)!.buffer).equals(Buffer.from(values.buffer))).toBe(true);
    writeFileSync(join(dir, 'cut.bin'), original.subarray(0, original.length - 100));
    let error: unknown;
    try {
      loadModel(join(dir, 'cut.bin'));
    } catch (e) {
      error = e;
    }
    expect(PrefoptError.is(error, 'checkpoint')).toBe(true);
    expect((error as Error).message).toContain(`expected ${original.length} bytes`);
    expect((error as Error).message).toContain(`found ${original.length - 100} bytes (truncated`);
    model.dispose();
    again.dispose();
  });
});
