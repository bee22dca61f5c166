import { join } from 'node:path';
import { readHfTokenizer } from '@prefopt/data';
import { repoRoot, useCpuBackend } from '@prefopt/testing';
import { describe, expect, it } from 'vitest';
import { eosOnlyModel } from '../specSupport/eosOnlyModel';
import { sampleResponses } from './sampleResponses';

const llama2 = join(repoRoot(), 'packages/data/test/fixtures/trl/tokenizers/llama2-sp');

describe('sampleResponses', () => {
  it("returns '' for a sample that is only EOS (HF tokenizer: decode([]) is '')", async () => {
    await useCpuBackend();
    const tokenizer = readHfTokenizer(llama2);
    const model = eosOnlyModel(tokenizer.vocabSize, tokenizer.eosId!);
    const sample = sampleResponses(model, tokenizer, {
      k: 2,
      maxNewTokens: 4,
      temperature: 1,
      topP: 1,
      seed: 3,
    });
    expect(await sample('Hello there', 0)).toEqual(['', '']);
    model.dispose();
  });
});
