import { join } from 'node:path';
import { ByteTokenizer, readHfTokenizer } from '@prefopt/data';
import { createModel, generate } from '@prefopt/model';
import { repoRoot, useCpuBackend } from '@prefopt/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { eosOnlyModel } from '../specSupport/eosOnlyModel';
import { greedyContinuations } from './greedyContinuations';

describe('greedyContinuations', () => {
  beforeAll(async () => {
    await useCpuBackend();
  });

  it("equals @prefopt/model's greedy generate() per prompt, batched by prompt length, and frees its tensors", async () => {
    const tf = await useCpuBackend();
    const model = createModel(
      { dim: 16, hiddenDim: 32, layers: 2, heads: 2, kvHeads: 1, vocab: 259, seqLen: 24 },
      { seed: 5 },
    );
    const tokenizer = new ByteTokenizer();
    // two prompts of 4 bytes (one batch), one of 2, one of 20: BOS + 20 = 21 ids leave room for 24 − 21 + 1 = 4
    // new ones (the last is never fed back)
    const prompts = ['abcd', 'wxyz', 'hi', 'a'.repeat(20)];
    const before = tf.memory().numTensors;
    const got = greedyContinuations(model, tokenizer, prompts, 6, 2);
    expect(tf.memory().numTensors).toBe(before);
    for (let i = 0; i < prompts.length; i++) {
      const ids = tokenizer.encode(prompts[i], { bos: true });
      const expected = await generate(model, ids, {
        maxNewTokens: 6,
        temperature: 0,
        eosId: tokenizer.eosId,
      });
      const stopped = expected.at(-1) === tokenizer.eosId;
      expect(got[i]).toEqual({
        text: tokenizer.decode(stopped ? expected.slice(0, -1) : expected),
        tokens: expected.length,
      });
    }
    expect(got[3].tokens).toBeLessThanOrEqual(4);
    model.dispose();
  });

  it("gives '' for a continuation that is only EOS (HF tokenizer: decode([]) is '')", () => {
    const tokenizer = readHfTokenizer(
      join(repoRoot(), 'packages/data/test/fixtures/trl/tokenizers/llama2-sp'),
    );
    const model = eosOnlyModel(tokenizer.vocabSize, tokenizer.eosId!);
    expect(greedyContinuations(model, tokenizer, ['Hello', 'Hi there'], 5)).toEqual([
      { text: '', tokens: 1 },
      { text: '', tokens: 1 },
    ]);
    model.dispose();
  });
});
