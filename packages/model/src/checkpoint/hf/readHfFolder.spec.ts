import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { torchReferenceValues, useCpuBackend } from '@prefopt/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadModel } from '../../loadModel';
import { saveModel } from '../../saveModel';
import { modelWeights } from '../modelWeights';
import { readLlama2cBin } from '../readLlama2cBin';
import type { WeightArrays } from '../WeightArrays';
import { readHfFolder } from './readHfFolder';

// Fixtures written by PyTorch, not by prefopt:
//   python3 tools/reference/llama2c_fixtures.py packages/model/test/fixtures/tiny
const TINY = resolve(import.meta.dirname, '../../../test/fixtures/tiny');

beforeAll(async () => {
  await useCpuBackend();
});

function expectBitEqual(a: WeightArrays, b: WeightArrays) {
  expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
  for (const [name, values] of a) {
    expect(Buffer.from(b.get(name)!.buffer).equals(Buffer.from(values.buffer)), name).toBe(true);
  }
}

describe('Hugging Face folder (config.json + model.safetensors)', () => {
  it('F32: same weights as the llama2.c export of the same model (q/k un-permuted, matrices transposed)', () => {
    const hf = readHfFolder(join(TINY, 'hf-f32'));
    const bin = readLlama2cBin(join(TINY, 'tiny.bin'));
    const { hf: source, ...read } = hf.config;
    expect(read).toEqual({ ...bin.config, normEps: 1e-5 });
    expect(source?.config).toMatchObject({ model_type: 'llama', hidden_size: 8 }); // kept for writing back
    expect(hf.config).toMatchObject({ heads: 4, kvHeads: 2, sharedClassifier: false });
    expectBitEqual(hf.weights, bin.weights);
  });

  it('F16 and BF16: equal to torch’s rounding of the same weights', () => {
    expectBitEqual(
      readHfFolder(join(TINY, 'hf-f16')).weights,
      readLlama2cBin(join(TINY, 'tiny-f16.bin')).weights,
    );
    expectBitEqual(
      readHfFolder(join(TINY, 'hf-bf16')).weights,
      readLlama2cBin(join(TINY, 'tiny-bf16.bin')).weights,
    );
  });

  it('the GQA, untied model gives PyTorch’s logits (llama2c_fixtures.py prints them)', () => {
    // logits of tokens [1, 5, 3, 7, 2], rows 0 and 4 (tools/reference/llama2c_fixtures.py)
    const { tokens, logits: reference } = torchReferenceValues<{
      tokens: number[];
      logits: number[][];
    }>('llamaTiny');
    expect(tokens).toEqual([1, 5, 3, 7, 2]);
    const [row0, row4] = [reference[0], reference[4]];
    const model = loadModel(join(TINY, 'hf-f32'));
    const ids = tf.tensor2d([[1, 5, 3, 7, 2]], [1, 5], 'int32');
    const logits = tf.tidy(() => model.logits(ids).arraySync()[0]);
    logits[0].forEach((v, j) => expect(v).toBeCloseTo(row0[j], 5));
    logits[4].forEach((v, j) => expect(v).toBeCloseTo(row4[j], 5));
    ids.dispose();
    model.dispose();
  });

  it('a prefopt-written folder reads back bit-exact and keeps the tensor names transformers expects', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'prefopt-hf-'));
    const model = loadModel(join(TINY, 'tiny.bin'));
    await saveModel(model, join(dir, 'out'));
    const again = loadModel(join(dir, 'out'));
    expectBitEqual(await modelWeights(again), await modelWeights(model));
    // same tensor names, shapes and bytes as the PyTorch-written F32 folder
    const ours = readFileSync(join(dir, 'out', 'model.safetensors'));
    const theirs = readHfFolder(join(TINY, 'hf-f32'));
    expectBitEqual(readHfFolder(join(dir, 'out')).weights, theirs.weights);
    expect(ours.readBigUInt64LE(0) % 8n).toBe(0n);
    model.dispose();
    again.dispose();
  });

  it('a truncated model.safetensors is a checkpoint error naming the sizes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'prefopt-hf-'));
    await saveModel(loadModel(join(TINY, 'tiny.bin')), join(dir, 'm'));
    const file = join(dir, 'm', 'model.safetensors');
    const bytes = readFileSync(file);
    writeFileSync(file, bytes.subarray(0, bytes.length - 10));
    const dataBytes = bytes.length - 8 - Number(bytes.readBigUInt64LE(0));
    expect(() => loadModel(join(dir, 'm'))).toThrowError(
      new RegExp(
        `lm_head.weight expected bytes \\d+\\.\\.${dataBytes} of the data, found only ${dataBytes - 10} data bytes \\(truncated`,
      ),
    );
    expect(() => loadModel(join(dir, 'm'))).toThrowError(
      expect.objectContaining({ kind: 'checkpoint' }),
    );
  });

  it('an unsupported dtype names the tensor and the dtype', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'prefopt-hf-'));
    await saveModel(loadModel(join(TINY, 'tiny.bin')), join(dir, 'm'));
    const file = join(dir, 'm', 'model.safetensors');
    const text = readFileSync(file)
      .toString('latin1')
      .replace('"model.norm.weight":{"dtype":"F32"', '"model.norm.weight":{"dtype":"I32"');
    writeFileSync(file, Buffer.from(text, 'latin1'));
    expect(() => loadModel(join(dir, 'm'))).toThrowError(
      /model\.norm\.weight has dtype I32; expected F32, F16 or BF16/,
    );
  });

  it('a config.json that does not match the tensors names the tensor and both shapes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'prefopt-hf-'));
    await saveModel(loadModel(join(TINY, 'tiny.bin')), join(dir, 'm'));
    const configFile = join(dir, 'm', 'config.json');
    const config = JSON.parse(readFileSync(configFile, 'utf8')) as Record<string, unknown>;
    writeFileSync(configFile, JSON.stringify({ ...config, intermediate_size: 6 }));
    expect(() => loadModel(join(dir, 'm'))).toThrowError(
      /model\.layers\.0\.mlp\.gate_proj\.weight expected shape \[6, 8\] for config\.json, found \[12, 8\]/,
    );
  });
});
