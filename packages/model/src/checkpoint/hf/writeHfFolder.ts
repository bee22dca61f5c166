import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PrefoptError } from '@prefopt/core';
import type { ModelConfig } from '../../config/ModelConfig';
import { weightShapes } from '../../llama/weightShapes';
import { writeSafetensors } from '../safetensors/writeSafetensors';
import { transposeMatrix } from '../transposeMatrix';
import type { WeightArrays } from '../WeightArrays';
import { copyTokenizerFiles } from './copyTokenizerFiles';
import { specialTokens, toHfConfig, type SpecialTokenIds } from './toHfConfig';
import { hfTensorNames } from './hfTensorNames';
import { permuteRotaryRows } from './permuteRotaryRows';

/** What a HF checkpoint carries besides the weights. */
export interface HfWriteOptions {
  /** Special-token ids for a config.json without its own (prefopt: the tokenizer's). */
  tokens?: SpecialTokenIds;
  /** The tokenizer to copy beside the weights (a path as `loadTokenizer` takes it). */
  tokenizer?: string;
}

/**
 * Writes `config.json` + `model.safetensors` (float32) + `generation_config.json` (and the
 * tokenizer files, when `options.tokenizer` names them) that transformers'
 * `AutoModelForCausalLM.from_pretrained(dir)` / `AutoTokenizer.from_pretrained(dir)` open.
 */
export function writeHfFolder(
  dir: string,
  config: ModelConfig,
  weights: WeightArrays,
  options: HfWriteOptions = {},
): void {
  const hfConfig = toHfConfig(config, options.tokens);
  const shapes = weightShapes(config);
  const tensors = hfTensorNames(config).map((entry) => {
    const shape = shapes.get(entry.name) as number[]; // prefopt layout: [in, out] for matrices
    let values = weights.get(entry.name);
    const expected = shape.reduce((a, b) => a * b, 1);
    if (!values || values.length !== expected) {
      throw new PrefoptError(
        'checkpoint',
        `cannot write ${dir}: weight ${entry.name} expected ${expected} values, found ${values?.length ?? 'none'}.`,
      );
    }
    if (entry.rotaryHeads && !entry.transpose) {
      values = permuteRotaryRows(values, entry.rotaryHeads, 1, false); // q/k bias
    }
    if (!entry.transpose) return { name: entry.hf, shape, values };
    const [inSize, outSize] = shape;
    values = transposeMatrix(values, inSize, outSize); // [out, in]
    if (entry.rotaryHeads) values = permuteRotaryRows(values, entry.rotaryHeads, inSize, false);
    return { name: entry.hf, shape: [outSize, inSize], values };
  });
  mkdirSync(dir, { recursive: true });
  writeSafetensors(join(dir, 'model.safetensors'), tensors, { format: 'pt', producer: 'prefopt' });
  writeFileSync(join(dir, 'config.json'), `${JSON.stringify(hfConfig, null, 2)}\n`);
  const generation = { ...(config.hf?.generationConfig ?? { _from_model_config: true }) };
  const { bos_token_id, eos_token_id, pad_token_id } = hfConfig; // config.json's, unless it has its own
  Object.assign(
    generation,
    specialTokens({ bos_token_id, eos_token_id, pad_token_id, ...generation }, {}),
  );
  writeFileSync(join(dir, 'generation_config.json'), `${JSON.stringify(generation, null, 2)}\n`);
  if (options.tokenizer) copyTokenizerFiles(options.tokenizer, dir);
}
