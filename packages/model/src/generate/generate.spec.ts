import * as tf from '@tensorflow/tfjs';
import {
  fixturePath,
  torchReferenceValues,
  useCpuBackend,
  type Stories260KReference,
} from '@prefopt/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createModel } from '../createModel';
import type { LlamaModel } from '../llama/LlamaModel';
import { loadModel } from '../loadModel';
import { generate } from './generate';

let model: LlamaModel;
beforeAll(async () => {
  await useCpuBackend();
  model = createModel(
    { dim: 16, hiddenDim: 24, layers: 2, heads: 4, kvHeads: 2, vocab: 13, seqLen: 10 },
    { seed: 3 },
  );
});
afterAll(() => model.dispose());

/** Greedy decoding without a cache: the argmax of a full forward over the whole sequence, each step. */
function greedyWithoutCache(m: LlamaModel, prompt: number[], n: number): number[] {
  const seq = [...prompt];
  for (let i = 0; i < n; i++) {
    const ids = tf.tensor2d([seq], [1, seq.length], 'int32');
    seq.push(
      tf.tidy(
        () =>
          tf
            .argMax(
              m
                .logits(ids)
                .slice([0, seq.length - 1, 0], [1, 1, -1])
                .reshape([-1]),
            )
            .dataSync()[0],
      ),
    );
    ids.dispose();
  }
  return seq.slice(prompt.length);
}

describe('generate', () => {
  it('greedy with the KV cache equals greedy over full forwards, and leaves no tensors', async () => {
    const before = tf.memory().numTensors;
    const ours = await generate(model, [1, 5, 7], { maxNewTokens: 5 });
    expect(tf.memory().numTensors).toBe(before);
    expect(ours).toEqual(greedyWithoutCache(model, [1, 5, 7], 5));
  });

  it('stops at EOS (included) and at the model’s seqLen', async () => {
    const free = await generate(model, [1, 5, 7], { maxNewTokens: 5 });
    const eos = free[2];
    const stopped = await generate(model, [1, 5, 7], { maxNewTokens: 5, eosId: eos });
    expect(stopped).toEqual(free.slice(0, free.indexOf(eos) + 1));
    // seqLen 10, prompt 3: positions 3..9 can be fed, so at most 10 − 3 + 1 = 8 new ids
    expect(await generate(model, [1, 5, 7], { maxNewTokens: 50 })).toHaveLength(8);
  });

  it('sampling is reproducible per seed, and different across seeds', async () => {
    const opts = { maxNewTokens: 6, temperature: 1.5, topP: 0.95 };
    const a = await generate(model, [1, 2], { ...opts, seed: 11 });
    expect(await generate(model, [1, 2], { ...opts, seed: 11 })).toEqual(a);
    const others: string[] = [];
    for (const seed of [12, 13, 14])
      others.push((await generate(model, [1, 2], { ...opts, seed })).join());
    expect(others.some((o) => o !== a.join())).toBe(true);
  });
});

describe('generate (stories260K)', () => {
  const bin = fixturePath('stories260K/stories260K.bin');
  it('greedy continuation of "Once upon a time" equals the PyTorch reference', async () => {
    // tools/reference/llama2c_reference.py write-fixtures (fixtures/reference/torch-values.json)
    const reference =
      torchReferenceValues<Stories260KReference>('stories260K').generate['Once upon a time'].tokens;
    expect(reference).toHaveLength(5 + 60);
    const m = loadModel(bin);
    expect(
      await generate(m, reference.slice(0, 5), { maxNewTokens: 60, temperature: 0, eosId: 2 }),
    ).toEqual(reference.slice(5));
    m.dispose();
  });
});
