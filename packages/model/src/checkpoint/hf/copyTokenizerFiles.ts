import { copyFileSync, existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PrefoptError } from '@prefopt/core';

/** The tokenizer files transformers' AutoTokenizer (and prefopt's loadTokenizer) read. */
const HF_TOKENIZER_FILES = [
  'tokenizer.json',
  'tokenizer_config.json',
  'special_tokens_map.json',
  'tokenizer.model',
  'chat_template.jinja',
];

/**
 * Copies the tokenizer `tokenizer` names (as `loadTokenizer` takes it: a folder, a
 * tokenizer.json, a llama2.c tokenizer.bin, or `bytes`) into the checkpoint folder `dir`,
 * so the checkpoint opens with no separate tokenizer path. Returns the files copied.
 */
export function copyTokenizerFiles(tokenizer: string, dir: string): string[] {
  if (tokenizer === 'bytes') return [];
  if (!existsSync(tokenizer)) {
    throw new PrefoptError(
      'checkpoint',
      `cannot copy tokenizer ${tokenizer} into ${dir}: not found.`,
    );
  }
  const isDir = statSync(tokenizer).isDirectory();
  if (!isDir && !tokenizer.endsWith('.json')) {
    copyFileSync(tokenizer, join(dir, 'tokenizer.bin')); // llama2.c tokenizer
    return ['tokenizer.bin'];
  }
  const folder = isDir ? tokenizer : dirname(tokenizer);
  const copied: string[] = [];
  if (!isDir) {
    copyFileSync(tokenizer, join(dir, 'tokenizer.json'));
    copied.push('tokenizer.json');
  }
  for (const name of HF_TOKENIZER_FILES) {
    if (copied.includes(name)) continue;
    if (!isDir && name === 'tokenizer.json') continue;
    const from = join(folder, name);
    if (existsSync(from)) {
      copyFileSync(from, join(dir, name));
      copied.push(name);
    }
  }
  if (isDir && !copied.length && existsSync(join(folder, 'tokenizer.bin'))) {
    copyFileSync(join(folder, 'tokenizer.bin'), join(dir, 'tokenizer.bin'));
    copied.push('tokenizer.bin');
  }
  return copied;
}
