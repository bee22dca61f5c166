import { existsSync } from 'node:fs';
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

/**
 * Reads a Hugging Face LlamaForCausalLM folder: `config.json` plus `model.safetensors`
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
  const config = fromHfConfig(hf, configFile);
  const tensors = readTensors(dir);
  const shapes = weightShapes(config);
  const weights: WeightArrays = new Map();
  for (const entry of hfTensorNames(config)) {
    const tensor = tensors.get(entry.hf);
    if (!tensor) {
      throw new PrefoptError(
        'checkpoint',
        `${dir}: tensor ${entry.hf} is missing from the safetensors file(s).`,
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
    if (tensor.shape.length === 2) {
      const [rows, cols] = tensor.shape;
      if (entry.rotaryHeads) values = permuteRotaryRows(values, entry.rotaryHeads, cols, true);
      if (entry.transpose) values = transposeMatrix(values, rows, cols);
    }
    weights.set(entry.name, values);
  }
  return { config, weights };
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
