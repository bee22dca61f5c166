import type { PreferenceRecord, Tokenizer } from '@prefopt/core';
import { describe, expect, it } from 'vitest';
import { tokenizeRecords } from './tokenizeRecords';

/** One id per character (code + 3); 1 BOS, 2 EOS. */
const chars: Tokenizer = {
  kind: 'chars',
  vocabSize: 0x110000 + 3,
  bosId: 1,
  eosId: 2,
  encode: (text, o = {}) => [...(o.bos ? [1] : []), ...[...text].map((c) => c.codePointAt(0)! + 3)],
  decode: () => '',
};
const rec = (line: number, prompt: string, chosen: string, rejected: string): PreferenceRecord => ({
  prompt,
  chosen,
  rejected,
  source: { file: 'f', line },
});

describe('tokenizeRecords', () => {
  it('keeps trainable pairs with their sources and counts cuts and drops by reason', async () => {
    async function* records() {
      yield rec(1, 'ab', 'c', 'd'); // 3 + 1 + 1 tokens (no EOS here): fits maxLength 6
      yield rec(2, 'ab', 'cdefg', 'h'); // chosen 5 tokens, cut to 6 − 3 = 3
      yield rec(3, 'ab', '', 'h'); // empty chosen, and no EOS: nothing to train on
      yield rec(4, 'abcdefgh', 'x', 'y'); // 9 prompt tokens ≥ 6
    }
    const out = await tokenizeRecords(records(), chars, { maxLength: 6, appendEos: false });
    expect(out.sources.map((s) => s.line)).toEqual([1, 2]);
    expect(out.pairs[1].chosen).toHaveLength(3);
    expect(out.truncated).toBe(1);
    expect(out.droppedByReason).toEqual({
      'empty-completion': 1,
      'prompt-too-long': 1,
      template: 0,
    });
    expect(out.dropped.map((d) => [d.source.line, d.reason])).toEqual([
      [3, 'empty-completion'],
      [4, 'prompt-too-long'],
    ]);
  });

  it('checks the options before reading anything', async () => {
    await expect(tokenizeRecords([], chars, { maxLength: 4, maxPromptLength: 5 })).rejects.toThrow(
      /--max-prompt-length/,
    );
  });
});
