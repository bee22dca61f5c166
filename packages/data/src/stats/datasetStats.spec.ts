import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Tokenizer } from '@prefopt/core';
import { fixturePath } from '@prefopt/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { chatmlTemplate } from '../templates/chatmlTemplate';
import { datasetStats } from './datasetStats';

/** One id per character (code + 3); 1 BOS, 2 EOS. */
const chars: Tokenizer = {
  kind: 'chars',
  vocabSize: 0x110000 + 3,
  bosId: 1,
  eosId: 2,
  encode: (text, o = {}) => [...(o.bos ? [1] : []), ...[...text].map((c) => c.codePointAt(0)! + 3)],
  decode: () => '',
};

const dir = mkdtempSync(join(tmpdir(), 'prefopt-stats-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('datasetStats', () => {
  const file = join(dir, 'three.jsonl');
  writeFileSync(
    file,
    [
      { prompt: 'abc', chosen: 'de', rejected: 'f' },
      { prompt: 'a', chosen: 'bcdef', rejected: 'gh' },
      { prompt: 'x', chosen: 3, rejected: 'y' },
      { prompt: 'ab', chosen: '', rejected: 'z' },
    ]
      .map((r) => JSON.stringify(r))
      .join('\n'),
  );

  it('counts pairs and skipped records, with no token stats without a tokenizer', async () => {
    expect(await datasetStats(file, { skipInvalid: true })).toEqual({
      pairs: 3,
      skipped: 1,
      format: 'standard',
      promptTokens: null,
      chosenTokens: null,
      rejectedTokens: null,
      skippedRecords: [{ line: 3, reason: expect.stringMatching(/"chosen" must be a string/) }],
    });
  });

  it('adds token stats as training tokenises (BOS on prompts, EOS on completions)', async () => {
    const s = await datasetStats(file, { skipInvalid: true, tokenizer: chars });
    // Usable pairs: lines 1, 2 and 4 (line 4's empty chosen is its EOS alone, as TRL).
    // prompts: BOS+'abc' = 4, BOS+'a' = 2, BOS+'ab' = 3 → total 9, mean 3, min 2, max 4.
    // chosen: 'de'+EOS = 3, 'bcdef'+EOS = 6, EOS = 1 → 10; rejected: 'f'+EOS = 2, 'gh'+EOS = 3,
    // 'z'+EOS = 2 → 7.
    expect(s.promptTokens).toEqual({ total: 9, mean: 3, min: 2, max: 4 });
    expect(s.chosenTokens).toEqual({ total: 10, mean: 10 / 3, min: 1, max: 6 });
    expect(s.rejectedTokens).toEqual({ total: 7, mean: 7 / 3, min: 2, max: 3 });
    expect(s.unusable).toEqual({});
  });

  it('renders message records with the given template', async () => {
    const conv = join(dir, 'conv.json');
    const u = { role: 'user', content: 'Hi' };
    writeFileSync(
      conv,
      JSON.stringify([
        {
          prompt: [u],
          chosen: [{ role: 'assistant', content: 'A' }],
          rejected: [{ role: 'assistant', content: 'BB' }],
        },
      ]),
    );
    const s = await datasetStats(conv, { tokenizer: chars, template: chatmlTemplate });
    // '<|im_start|>' 12 + 'user' 4 + '\n' 1 + 'Hi' 2 + '<|im_end|>' 10 + '\n' 1 + '<|im_start|>' 12
    // + 'assistant' 9 + '\n' 1 = 52 chars (+ BOS = 53);
    // 'A<|im_end|>\n' = 12 chars (+ EOS = 13); 'BB<|im_end|>\n' = 13 (+ EOS = 14).
    expect(s.promptTokens?.total).toBe(53);
    expect(s.chosenTokens?.total).toBe(13);
    expect(s.rejectedTokens?.total).toBe(14);
    expect(s.format).toBe('conversational');
  });
});

describe('datasetStats on the fixture datasets (real hh-rlhf and LLaMA-Factory records)', () => {
  const hh = fixturePath('hh-rlhf/harmless-base-test-300.jsonl.gz');
  const lf = fixturePath('llama-factory/dpo_en_demo-30.json');
  it('counts 300 hh-rlhf pairs and 30 LLaMA-Factory pairs', async () => {
    // Counts from the files themselves: `zcat harmless-base-test-300.jsonl.gz | wc -l` = 300;
    // python3 -c 'import json; print(len(json.load(open("dpo_en_demo-30.json"))))' = 30.
    expect(await datasetStats(hh)).toMatchObject({ pairs: 300, skipped: 0, format: 'hh-rlhf' });
    expect(await datasetStats(lf)).toMatchObject({ pairs: 30, skipped: 0, format: 'sharegpt' });
  });
});
