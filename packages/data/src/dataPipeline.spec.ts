import { fixturePath } from '@prefopt/testing';
import { expect, it, describe } from 'vitest';
import { BatchSampler } from './batching/BatchSampler';
import { collatePairs } from './collate/collatePairs';
import { readPreferences } from './read/readPreferences';
import { llama2Template } from './templates/llama2Template';
import { loadTokenizer } from './tokenizers/loadTokenizer';
import { tokenizeRecords } from './tokenize/tokenizeRecords';

describe('data pipeline on the fixture files (read → tokenise → sample → collate)', () => {
  const hh = fixturePath('hh-rlhf/harmless-base-test-300.jsonl.gz');
  const lf = fixturePath('llama-factory/dpo_en_demo-30.json');
  const tok = fixturePath('stories260K/tok512.bin');
  const tokenizer = loadTokenizer(tok);

  it('hh-rlhf at maxLength 128 / maxPromptLength 64 gives batches within the limits', async () => {
    const reader = readPreferences(hh);
    const data = await tokenizeRecords(reader, tokenizer, {
      maxLength: 128,
      maxPromptLength: 64,
    });
    const dropped = Object.values(data.droppedByReason).reduce((a, b) => a + b, 0);
    expect(data.pairs.length + dropped).toBe(300); // zcat harmless-base-test-300.jsonl.gz | wc -l;
    // With a 64-token prompt limit below maxLength nothing can be 'prompt-too-long'.
    expect(data.droppedByReason['prompt-too-long']).toBe(0);
    for (const p of data.pairs) {
      expect(p.prompt.length).toBeLessThanOrEqual(64);
      expect(p.prompt[0]).toBe(tokenizer.bosId);
      expect(p.prompt.length + Math.max(p.chosen.length, p.rejected.length)).toBeLessThanOrEqual(
        128,
      );
      expect(Math.min(p.chosen.length, p.rejected.length)).toBeGreaterThan(0);
    }
    const sampler = new BatchSampler(data.pairs.length, { batchSize: 4, seed: 0 });
    const batch = collatePairs(sampler.next().indices.map((i) => data.pairs[i]));
    expect(batch.size).toBe(4);
    expect(batch.seqLen).toBeLessThanOrEqual(128);
    expect(batch.inputIds.length).toBe(8 * batch.seqLen);
    expect(Math.max(...batch.inputIds)).toBeLessThan(tokenizer.vocabSize);
  });

  it('LLaMA-Factory pairs go through the Llama-2 template', async () => {
    const data = await tokenizeRecords(readPreferences(lf), tokenizer, {
      template: llama2Template,
      maxLength: 256,
      maxPromptLength: 128,
    });
    expect(
      data.pairs.length + data.droppedByReason.template + data.droppedByReason['empty-completion'],
    ).toBe(30); // the records in dpo_en_demo-30.json
    expect(data.truncated).toBeGreaterThan(0); // most prompts run far past 128 tokens
    expect(tokenizer.decode(data.pairs[0].prompt)).toMatch(/\[\/INST\]$/);
  });
});
