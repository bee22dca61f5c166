import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PrefoptError } from '@prefopt/core';
import type { ModelConfig } from '../../config/ModelConfig';
import { weightShapes } from '../../llama/weightShapes';
import { readSafetensors } from '../safetensors/readSafetensors';
import { readShardedSafetensors } from '../safetensors/readShardedSafetensors';
import type { SafetensorsTensor } from '../safetensors/SafetensorsTensor';
import { transposeMatrix } from '../transposeMatrix';
import type { WeightArrays } from '../WeightArrays';
import { fromHfConfig } from './fromHfConfig';
import type { HfLlamaConfig } from './HfLlamaConfig';
import { hfTensorNames } from './hfTensorNames';
import { readConfigJson } from './readConfigJson';
import { permuteRotaryRows } from './permuteRotaryRows';
import { assertNoUnusedTensors } from './unusedTensors';

/**
 * Reads a Hugging Face Llama-family folder (llama, qwen2, mistral): `config.json` plus `model.safetensors`
 * (or shards listed in `model.safetensors.index.json`); F32, F16 and BF16 weights.
 */
export function readHfFolder(dir: string): { config: ModelConfig; weights: WeightArrays } {
  const configFile = join(dir, 'config.json');
  if (!existsSync(configFile)) {
    throw new PrefoptError(
      'checkpoint',
      `${dir}: no config.json; expected a Hugging Face model folder (config.json + model.safetensors).`,
    );
  }
  const hf = readConfigJson(configFile) as unknown as HfLlamaConfig;
  const config = fromHfConfig(hf, configFile, readGenerationConfig(dir));
  const tensors = readTensors(dir);
  const shapes = weightShapes(config);
  const weights: WeightArrays = new Map();
  for (const entry of hfTensorNames(config)) {
    const tensor = tensors.get(entry.hf);
    if (!tensor) {
      throw new PrefoptError(
        'checkpoint',
        `${dir}: tensor ${entry.hf} is missing from the safetensors file(s).${missingHint(entry.hf, hf)}`,
      );
    }
    const shape = shapes.get(entry.name) as number[]; // prefopt layout
    const expected = entry.transpose ? [...shape].reverse() : shape; // HF: [out, in]
    if (tensor.shape.join() !== expected.join()) {
      throw new PrefoptError(
        'checkpoint',
        `${dir}: tensor ${entry.hf} expected shape [${expected.join(', ')}] for config.json, found [${tensor.shape.join(', ')}].`,
      );
    }
    let values = tensor.values;
    const [rows, cols = 1] = tensor.shape; // a bias is one column
    if (entry.rotaryHeads) values = permuteRotaryRows(values, entry.rotaryHeads, cols, true);
    if (entry.transpose) values = transposeMatrix(values, rows, cols);
    weights.set(entry.name, values);
  }
  const used = new Set(hfTensorNames(config).map((e) => e.hf));
  assertNoUnusedTensors(dir, tensors, used, config.sharedClassifier);
  return { config, weights };
}

/** Why a tensor may be missing: an untied head by transformers' default. */
function missingHint(name: string, hf: HfLlamaConfig): string {
  if (name !== 'lm_head.weight' || hf.tie_word_embeddings !== undefined) return '';
  return ' config.json has no tie_word_embeddings, which transformers reads as false (untied); add "tie_word_embeddings": true if the output head is the embedding.';
}

/** generation_config.json of the folder, kept so checkpoints carry it on; undefined when absent. */
function readGenerationConfig(dir: string): Record<string, unknown> | undefined {
  const file = join(dir, 'generation_config.json');
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch (e) {
    throw new PrefoptError('checkpoint', `${file}: not valid JSON: ${(e as Error).message}`, {
      cause: e,
    });
  }
}

function readTensors(dir: string): Map<string, SafetensorsTensor> {
  const single = join(dir, 'model.safetensors');
  if (existsSync(single)) return readSafetensors(single);
  const indexFile = join(dir, 'model.safetensors.index.json');
  if (!existsSync(indexFile)) {
    throw new PrefoptError(
      'checkpoint',
      `${dir}: expected model.safetensors (or model.safetensors.index.json with shards), found neither. ` +
        'Convert PyTorch .bin weights with transformers: model.save_pretrained(dir, safe_serialization=True).',
    );
  }
  return readShardedSafetensors(dir);
}
