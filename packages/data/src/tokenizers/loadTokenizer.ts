import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Tokenizer } from '@prefopt/core';
import { PrefoptError } from '@prefopt/core';
import { ByteTokenizer } from './ByteTokenizer';
import { readHfTokenizer } from './readHfTokenizer';
import { readLlama2cTokenizer } from './readLlama2cTokenizer';

/**
 * Opens a tokenizer: `bytes` (the byte-level tokenizer), a HF `tokenizer.json` (or a
 * folder holding one, or a `tokenizer.bin` from llama2.c), or llama2.c's `tokenizer.bin`.
 */
export function loadTokenizer(path: string): Tokenizer {
  if (path === 'bytes') return new ByteTokenizer();
  if (!existsSync(path)) {
    throw new PrefoptError(
      'tokenizer',
      `tokenizer ${path} not found; pass llama2.c's tokenizer.bin, a HF tokenizer.json (or its folder), or 'bytes'.`,
    );
  }
  if (statSync(path).isDirectory()) {
    if (existsSync(join(path, 'tokenizer.json'))) return readHfTokenizer(path);
    if (existsSync(join(path, 'tokenizer.bin')))
      return readLlama2cTokenizer(join(path, 'tokenizer.bin'));
    throw new PrefoptError(
      'tokenizer',
      `${path} holds neither tokenizer.json nor tokenizer.bin; pass the tokenizer file.`,
    );
  }
  return path.endsWith('.json') ? readHfTokenizer(path) : readLlama2cTokenizer(path);
}
