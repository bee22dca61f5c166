import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PrefoptError } from '@prefopt/core';

/**
 * The tokenizer path for a run: `--tokenizer`, else the tokenizer.json inside an HF model
 * folder, else the byte-level tokenizer for a fresh model from a config .json.
 */
export function chooseTokenizer(tokenizer: string | undefined, model: string): string {
  if (tokenizer) return tokenizer;
  if (
    existsSync(model) &&
    statSync(model).isDirectory() &&
    existsSync(join(model, 'tokenizer.json'))
  ) {
    return join(model, 'tokenizer.json');
  }
  if (model.endsWith('.json')) return 'bytes';
  throw new PrefoptError(
    'config',
    `missing --tokenizer for --model ${model}: pass the tokenizer it was trained with (llama2.c tokenizer.bin or tokenizer.json).`,
  );
}
