import type { Tokenizer } from '@prefopt/core';
import { describe, expect, it } from 'vitest';
import { chatmlTemplate } from '../templates/chatmlTemplate';
import { tokenizePair } from './tokenizePair';
import { validateTokenizeOptions } from './validateTokenizeOptions';

/** A real, trivial tokenizer: one id per character (code + 3); 0 pad, 1 BOS, 2 EOS. */
const chars: Tokenizer = {
  kind: 'chars',
  vocabSize: 0x110000 + 3,
  bosId: 1,
  eosId: 2,
  encode: (text, o = {}) => [
    ...(o.bos ? [1] : []),
    ...[...text].map((c) => c.codePointAt(0)! + 3),
    ...(o.eos ? [2] : []),
  ],
  decode: (ids) => String.fromCodePoint(...ids.filter((i) => i > 2).map((i) => i - 3)),
};
const ids = (text: string) => chars.encode(text);

describe('tokenizePair', () => {
  it('encodes text records as they are: BOS + prompt, completion + EOS', () => {
    const r = tokenizePair({ prompt: 'Q:', chosen: ' yes', rejected: ' no' }, chars);
    expect(r).toEqual({
      ok: true,
      truncated: false,
      pair: {
        prompt: [1, ...ids('Q:')],
        chosen: [...ids(' yes'), 2],
        rejected: [...ids(' no'), 2],
      },
    });
  });

  it('renders message records with the template before encoding', () => {
    const r = tokenizePair(
      {
        prompt: [{ role: 'user', content: 'Hi' }],
        chosen: [{ role: 'assistant', content: 'A' }],
        rejected: [{ role: 'assistant', content: 'B' }],
      },
      chars,
      { template: chatmlTemplate, addBos: false, appendEos: false },
    );
    expect(r.ok && chars.decode(r.pair.prompt)).toBe(
      '<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\n',
    );
    expect(r.ok && chars.decode(r.pair.chosen)).toBe('A<|im_end|>\n');
  });

  it('truncates: prompt from the left (BOS kept), completions from the right, EOS cut first', () => {
    // prompt BOS + 'abcdef' (7) → maxPromptLength 4: BOS + 'def'; maxLength 6 leaves 2:
    // chosen 'xyz'+EOS → 'xy'; rejected 'q'+EOS (2) fits.
    const r = tokenizePair({ prompt: 'abcdef', chosen: 'xyz', rejected: 'q' }, chars, {
      maxLength: 6,
      maxPromptLength: 4,
    });
    expect(r).toEqual({
      ok: true,
      truncated: true,
      pair: { prompt: [1, ...ids('def')], chosen: ids('xy'), rejected: [...ids('q'), 2] },
    });
  });

  it('reports an empty completion instead of feeding a zero-length one', () => {
    const r = tokenizePair({ prompt: 'p', chosen: 'ok', rejected: '' }, chars);
    expect(r).toEqual({
      ok: false,
      reason: 'empty-completion',
      message: 'the rejected completion is empty',
    });
  });

  it('reports a prompt that leaves no room in maxLength', () => {
    const r = tokenizePair({ prompt: 'abcd', chosen: 'x', rejected: 'y' }, chars, { maxLength: 5 });
    // BOS + 4 = 5 prompt tokens = maxLength: nothing left for the completions.
    expect(r).toMatchObject({ ok: false, reason: 'prompt-too-long' });
    expect(!r.ok && r.message).toMatch(
      /prompt's 5 tokens leave no room .*--max-length 5; set --max-prompt-length/,
    );
  });

  it('reports messages the template cannot render', () => {
    const r = tokenizePair(
      {
        prompt: [],
        chosen: [{ role: 'user', content: 'x' }],
        rejected: [{ role: 'assistant', content: 'y' }],
      },
      chars,
    );
    expect(r).toMatchObject({ ok: false, reason: 'template' });
  });
});

describe('validateTokenizeOptions', () => {
  it('needs positive integer lengths and a prompt limit below maxLength', () => {
    expect(() => validateTokenizeOptions({ maxLength: 0 })).toThrow(
      /--max-length must be a positive integer, got 0/,
    );
    expect(() => validateTokenizeOptions({ maxPromptLength: 2.5 })).toThrow(
      /--max-prompt-length must be a positive integer/,
    );
    expect(() => validateTokenizeOptions({ maxLength: 8, maxPromptLength: 8 })).toThrow(
      /must be less than --max-length \(8\)/,
    );
    expect(() => validateTokenizeOptions({ maxLength: 8, maxPromptLength: 7 })).not.toThrow();
  });
});
