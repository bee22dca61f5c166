import type { Tokenizer } from '@prefopt/core';
import { describe, expect, it } from 'vitest';
import { chatmlTemplate } from '../templates/chatmlTemplate';
import { jinjaChatTemplate } from '../templates/jinjaChatTemplate';
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
      boundaryMismatch: false,
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
      boundaryMismatch: false,
      pair: { prompt: [1, ...ids('def')], chosen: ids('xy'), rejected: [...ids('q'), 2] },
    });
  });

  it('gives an empty completion its EOS alone (TRL), and drops it only without one', () => {
    const r = tokenizePair({ prompt: 'p', chosen: 'ok', rejected: '' }, chars);
    expect(r.ok && r.pair.rejected).toEqual([2]);
    expect(
      tokenizePair({ prompt: 'p', chosen: 'ok', rejected: '' }, chars, { appendEos: false }),
    ).toEqual({
      ok: false,
      reason: 'empty-completion',
      message: 'the rejected completion is empty',
    });
  });

  it('does not append EOS to a completion that already ends with it', () => {
    // TRL appends eos_token text only when the completion does not end with it.
    const eosText: Tokenizer = {
      ...chars,
      encode: (text, o = {}) =>
        text.split('|').flatMap((part, i) => (i === 0 ? [] : [2]).concat(chars.encode(part, o))),
    };
    const r = tokenizePair({ prompt: 'Q', chosen: 'a|', rejected: 'b' }, eosText, {
      addBos: false,
    });
    expect(r.ok && r.pair).toEqual({
      prompt: ids('Q'),
      chosen: [...ids('a'), 2],
      rejected: [...ids('b'), 2],
    });
  });

  it('encodes prompt + completion together and splits at the prompt length, as TRL', () => {
    // Greedy longest match over {ab, a, b, c}: 'a' alone is [11], but 'a' + 'b' is [10].
    const vocab: Record<string, number> = { ab: 10, a: 11, b: 12, c: 13 };
    const words: Tokenizer = {
      ...chars,
      encode: (text, o = {}) => {
        const out = o.bos ? [1] : [];
        for (let i = 0; i < text.length;) {
          const two = vocab[text.slice(i, i + 2)];
          out.push(two ?? vocab[text[i]]);
          i += two !== undefined ? 2 : 1;
        }
        return out;
      },
    };
    const r = tokenizePair({ prompt: 'a', chosen: 'c', rejected: 'b' }, words);
    // chosen: joint [1, 11, 13] → [13] + EOS; rejected: joint [1, 10] crosses the boundary:
    // TRL keeps the prompt's [1, 11] and the joint ids after length 2 — none — plus EOS.
    expect(r).toEqual({
      ok: true,
      truncated: false,
      boundaryMismatch: true,
      pair: { prompt: [1, 11], chosen: [13, 2], rejected: [2] },
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

  it("adds no BOS / EOS ids with a tokenizer's template (its text holds them)", () => {
    const template = jinjaChatTemplate(
      '{{ bos_token }}{% for m in messages %}{{ m.content }}{{ eos_token }}{% endfor %}',
      { bos_token: '^', eos_token: '$' },
    );
    const r = tokenizePair(
      {
        prompt: [{ role: 'user', content: 'Hi' }],
        chosen: [{ role: 'assistant', content: 'A' }],
        rejected: [{ role: 'assistant', content: 'BB' }],
      },
      chars,
      { template },
    );
    // prompt '^Hi$' (this template has no generation prompt), chosen '^Hi$A$' after it
    expect(r.ok && r.pair).toEqual({
      prompt: ids('^Hi$'),
      chosen: ids('A$'),
      rejected: ids('BB$'),
    });
  });

  it('drops a pair whose messages the tokenizer template refuses', () => {
    const template = jinjaChatTemplate("{{ raise_exception('roles must alternate') }}");
    const r = tokenizePair(
      {
        prompt: [{ role: 'user', content: 'x' }],
        chosen: [{ role: 'assistant', content: 'y' }],
        rejected: [{ role: 'assistant', content: 'z' }],
      },
      chars,
      { template },
    );
    expect(r).toMatchObject({
      ok: false,
      reason: 'template',
      message: expect.stringMatching(/roles must alternate/),
    });
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
