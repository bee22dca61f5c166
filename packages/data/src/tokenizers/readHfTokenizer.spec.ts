import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assertTokenizerFits } from './assertTokenizerFits';
import { ByteTokenizer } from './ByteTokenizer';
import { loadTokenizer } from './loadTokenizer';
import { readHfTokenizer } from './readHfTokenizer';

// A Llama-style (Metaspace) BPE tokenizer.json, small enough to work out by hand.
const SPECIAL = (id: number, content: string) => ({
  id,
  content,
  single_word: false,
  lstrip: false,
  rstrip: false,
  normalized: false,
  special: true,
});
const META = { type: 'Metaspace', replacement: '▁', prepend_scheme: 'always', split: true };
const TOKENIZER_JSON = {
  version: '1.0',
  truncation: null,
  padding: null,
  added_tokens: [SPECIAL(0, '<unk>'), SPECIAL(1, '<s>'), SPECIAL(2, '</s>')],
  normalizer: null,
  pre_tokenizer: META,
  post_processor: null,
  decoder: META,
  model: {
    type: 'BPE',
    dropout: null,
    unk_token: '<unk>',
    continuing_subword_prefix: null,
    end_of_word_suffix: null,
    fuse_unk: false,
    byte_fallback: false,
    vocab: {
      '<unk>': 0,
      '<s>': 1,
      '</s>': 2,
      '▁': 3,
      h: 4,
      e: 5,
      l: 6,
      o: 7,
      w: 8,
      r: 9,
      d: 10,
      '▁h': 11,
      '▁he': 12,
      ll: 13,
      '▁hell': 14,
      '▁hello': 15,
      '▁w': 16,
      or: 17,
    },
    merges: ['▁ h', '▁h e', 'l l', '▁he ll', '▁hell o', '▁ w', 'o r'],
  },
};

function writeTokenizer(): string {
  const dir = mkdtempSync(join(tmpdir(), 'prefopt-tok-'));
  writeFileSync(join(dir, 'tokenizer.json'), JSON.stringify(TOKENIZER_JSON));
  writeFileSync(
    join(dir, 'tokenizer_config.json'),
    JSON.stringify({ bos_token: '<s>', eos_token: { content: '</s>' } }),
  );
  return dir;
}

describe('HF tokenizer.json', () => {
  it('encodes by merge rank (hand-worked) and adds BOS/EOS only when asked', () => {
    const tok = readHfTokenizer(writeTokenizer());
    // "▁hello": ▁ h e l l o → ▁h (rank 0) → ▁he (1) → ll (2) → ▁hell (3) → ▁hello (4) = 15
    // "▁world": ▁ w o r l d → ▁w (5) → or (6) → [▁w, or, l, d] = [16, 17, 6, 10]
    expect(tok.encode('hello world')).toEqual([15, 16, 17, 6, 10]);
    expect(tok.encode('hello world', { bos: true, eos: true })).toEqual([1, 15, 16, 17, 6, 10, 2]);
    expect([tok.kind, tok.vocabSize, tok.bosId, tok.eosId]).toEqual(['hf', 18, 1, 2]);
    expect(tok.decode([1, 15, 16, 17, 6, 10, 2])).toBe('hello world');
  });

  it("decodes no ids, or only special ones, to '' as Python does", () => {
    const tok = readHfTokenizer(writeTokenizer());
    expect(tok.decode([])).toBe('');
    expect(tok.decode([2])).toBe('');
  });

  it('reads the chat template and special-token texts of tokenizer_config.json', () => {
    const dir = writeTokenizer();
    writeFileSync(
      join(dir, 'tokenizer_config.json'),
      JSON.stringify({
        bos_token: { content: '<s>' },
        eos_token: '</s>',
        chat_template: [
          { name: 'tool_use', template: 'T' },
          { name: 'default', template: '{{ bos_token }}{{ messages[0].content }}' },
        ],
      }),
    );
    const tok = readHfTokenizer(dir);
    expect(tok.specialTokens).toEqual({ bos_token: '<s>', eos_token: '</s>' });
    expect(tok.chatTemplate).toBe('{{ bos_token }}{{ messages[0].content }}');
    // transformers ≥ 4.43 saves the template as chat_template.jinja, which wins.
    writeFileSync(join(dir, 'chat_template.jinja'), 'J');
    expect(readHfTokenizer(dir).chatTemplate).toBe('J');
    // This file has no post-processor: TRL's tokenisation adds no BOS.
    expect(tok.addsBos).toBe(false);
  });

  it('loadTokenizer dispatches on the path: folder, tokenizer.json, bytes', () => {
    const dir = writeTokenizer();
    expect(loadTokenizer(dir).kind).toBe('hf');
    expect(loadTokenizer(join(dir, 'tokenizer.json')).kind).toBe('hf');
    expect(loadTokenizer('bytes').kind).toBe('bytes');
    expect(() => loadTokenizer(join(dir, 'nope.bin'))).toThrowError(
      /tokenizer .*nope\.bin not found/,
    );
  });

  it('a tokenizer larger than the model is a tokenizer error before any compute', () => {
    const tok = readHfTokenizer(writeTokenizer());
    expect(() => assertTokenizerFits(tok, { vocabSize: 18 })).not.toThrow();
    expect(() => assertTokenizerFits(tok, { vocabSize: 17 })).toThrowError(
      /has 18 tokens but the model's vocabulary is 17/,
    );
    expect(() => assertTokenizerFits(new ByteTokenizer(), { vocabSize: 256 })).toThrowError(
      expect.objectContaining({ kind: 'tokenizer', name: 'PrefoptError' }),
    );
  });
});

describe('ByteTokenizer', () => {
  it('UTF-8 bytes with BOS 256, EOS 257', () => {
    const tok = new ByteTokenizer();
    // 'é' = C3 A9 = 195, 169
    expect(tok.encode('aé', { bos: true, eos: true })).toEqual([256, 97, 195, 169, 257]);
    expect(tok.decode([256, 97, 195, 169, 257, 258])).toBe('aé');
    expect(tok.vocabSize).toBe(259);
  });
});
