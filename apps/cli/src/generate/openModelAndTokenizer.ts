import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Tokenizer } from '@prefopt/core';
import { PrefoptError } from '@prefopt/core';
import { assertTokenizerFits, loadTokenizer } from '@prefopt/data';
import { loadModel, type LlamaModel } from '@prefopt/model';
import { requireString, stringFlag } from '../args/flagReaders';
import type { ParsedArgs } from '../args/parseArgs';

/**
 * `--model PATH [--tokenizer PATH]` → an opened model and a tokenizer that fits it. Without
 * `--tokenizer`: the tokenizer.json / tokenizer.bin inside a model folder, or a
 * tokenizer.bin beside a llama2.c `.bin` file.
 */
export function openModelAndTokenizer(
  args: ParsedArgs,
  cwd: string,
): { model: LlamaModel; tokenizer: Tokenizer } {
  const modelPath = resolve(
    cwd,
    requireString(
      args,
      'model',
      'a llama2.c .bin file or a folder with config.json + model.safetensors.',
    ),
  );
  const flag = stringFlag(args, 'tokenizer');
  const tokenizer = loadTokenizer(
    flag === undefined ? findTokenizer(modelPath) : flag === 'bytes' ? flag : resolve(cwd, flag),
  );
  const model = loadModel(modelPath);
  try {
    assertTokenizerFits(tokenizer, model);
  } catch (e) {
    model.dispose();
    throw e;
  }
  return { model, tokenizer };
}

function findTokenizer(modelPath: string): string {
  const dir =
    existsSync(modelPath) && statSync(modelPath).isDirectory() ? modelPath : dirname(modelPath);
  for (const name of ['tokenizer.json', 'tokenizer.bin']) {
    if (existsSync(join(dir, name))) return join(dir, name);
  }
  throw new PrefoptError(
    'config',
    `missing --tokenizer: no tokenizer.json or tokenizer.bin beside ${modelPath}; pass the tokenizer the model was trained with.`,
  );
}
