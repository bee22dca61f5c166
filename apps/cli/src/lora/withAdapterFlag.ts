import { resolve } from 'node:path';
import { applyLora, type LoraModel } from '@prefopt/lora';
import type { LlamaModel } from '@prefopt/model';
import { stringFlag } from '../args/flagReaders';
import type { ParsedArgs } from '../args/parseArgs';

/** `model` with the PEFT adapter of `--adapter DIR` on it (it then owns `model`), or `model` as is. */
export function withAdapterFlag(
  model: LlamaModel,
  args: ParsedArgs,
  cwd: string,
): LlamaModel | LoraModel {
  const dir = stringFlag(args, 'adapter');
  if (dir === undefined) return model;
  try {
    return applyLora(model, { adapterDir: resolve(cwd, dir) });
  } catch (e) {
    model.dispose();
    throw e;
  }
}
