import { fixturePath } from '@prefopt/testing';
import { describe, expect, it } from 'vitest';
import { Llama2cTokenizer } from './Llama2cTokenizer';
import { readLlama2cTokenizer } from './readLlama2cTokenizer';

/** <unk>, <s>, </s>, 256 byte pieces, then `extra` pieces with their scores. */
function tinyVocab(extra: [string, number][]): Llama2cTokenizer {
  const pieces = ['<unk>', '<s>', '</s>'];
  for (let b = 0; b < 256; b++) pieces.push(`<0x${b.toString(16).toUpperCase().padStart(2, '0')}>`);
  const scores = new Array<number>(pieces.length).fill(0);
  for (const [p, s] of extra) {
    pieces.push(Buffer.from(p, 'utf8').toString('latin1'));
    scores.push(s);
  }
  return new Llama2cTokenizer(pieces, Float32Array.from(scores));
}

describe('Llama2cTokenizer (hand-built vocabulary)', () => {
  // ids: ' '=259, 'a'=260, 'b'=261, ' a'=262 (score -1), 'ab'=263 (score -2), ' ab'=264 (score -3), 'é'=265
  const tok = tinyVocab([
    [' ', 0],
    ['a', 0],
    ['b', 0],
    [' a', -1],
    ['ab', -2],
    [' ab', -3],
    ['é', 0],
  ]);

  it('prepends the dummy space and merges by score: " a"(-1) before "ab"(-2), then " ab"(-3)', () => {
    // ' ' 'a' 'b' → pairs ' a'(-1), 'ab'(-2): take ' a' → [' a', 'b'] → ' ab'(-3) → [264]
    expect(tok.encode('ab')).toEqual([264]);
    expect(tok.encode('ab', { bos: true, eos: true })).toEqual([1, 264, 2]);
    expect(tok.encode('')).toEqual([]);
  });

  it('falls back to bytes (id = byte + 3) for characters that are not pieces', () => {
    // 'é' is a piece (265); 'ç' is not: UTF-8 C3 A7 → 0xC3+3 = 198, 0xA7+3 = 170
    expect(tok.encode('éç')).toEqual([259, 265, 198, 170]);
    expect(tok.decode([1, 259, 265, 198, 170])).toBe('éç'); // space after BOS stripped
  });

  it('merges equal scores leftmost first', () => {
    const t = tinyVocab([
      ['x', 0],
      ['xx', -1],
    ]); // 'x'=259 'xx'=260, no ' ' piece (so no dummy prefix); "xxx" → 'xx' 'x', not 'x' 'xx'
    expect(t.encode('xxx')).toEqual([260, 259]);
  });
});

describe('Llama2cTokenizer (tok512.bin)', () => {
  const file = fixturePath('stories260K/tok512.bin');
  const tok = readLlama2cTokenizer(file);

  it('encodes exactly as llama2.c’s encode (reference: tools/reference/llama2c_reference.py encode …)', () => {
    // /usr/bin/python3 tools/reference/llama2c_reference.py encode …/stories260K.bin …/tok512.bin TEXT
    const cases: [string, number[]][] = [
      ['Once upon a time', [1, 403, 407, 261, 378]],
      [
        'Lily saw a big dog.  It was happy!',
        [1, 317, 394, 261, 370, 400, 428, 426, 410, 359, 413, 286, 393, 443],
      ],
      [
        'Tom said:\n"Hi, Mia."',
        [1, 274, 287, 336, 467, 13, 436, 440, 417, 432, 392, 417, 412, 426, 436],
      ],
      [
        'naïve café — 日本 🙂',
        [
          1, 297, 412, 198, 178, 360, 280, 412, 431, 485, 410, 481, 410, 233, 154, 168, 233, 159,
          175, 410, 243, 162, 156, 133,
        ],
      ],
      ['', [1]],
    ];
    expect(tok.vocabSize).toBe(512);
    for (const [text, ids] of cases) {
      expect(tok.encode(text, { bos: true })).toEqual(ids);
      expect(tok.decode(ids)).toBe(text);
    }
  });
});

describe('readLlama2cTokenizer', () => {
  it('a missing file is a tokenizer error naming it', () => {
    expect(() => readLlama2cTokenizer('/nonexistent/tok.bin')).toThrowError(
      /cannot read tokenizer \/nonexistent\/tok\.bin/,
    );
    expect(() => readLlama2cTokenizer('/nonexistent/tok.bin')).toThrowError(
      expect.objectContaining({ kind: 'tokenizer', name: 'PrefoptError' }),
    );
  });
});
