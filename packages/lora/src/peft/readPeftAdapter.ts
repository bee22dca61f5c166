import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { PrefoptError } from '@prefopt/core';
import {
  permuteRotaryRows,
  readSafetensors,
  transposeMatrix,
  type ModelConfig,
} from '@prefopt/model';
import { LoraAdapters, projectionShape } from '../LoraAdapters';
import { resolveLoraOptions } from '../LoraOptions';
import type { PeftAdapterConfig } from './PeftAdapterConfig';
import { parsePeftTensorName, peftTensorName } from './peftNames';

/**
 * Reads a PEFT LoRA folder (`adapter_config.json` + `adapter_model.safetensors`, as Python
 * peft's `save_pretrained` writes it) as adapters for a base of `config`. Variants prefopt
 * does not compute (DoRA, rsLoRA, per-module ranks, biases, modules_to_save) are `checkpoint`
 * errors naming the field.
 */
export function readPeftAdapter(dir: string, config: ModelConfig): LoraAdapters {
  const configFile = join(dir, 'adapter_config.json');
  const weightsFile = join(dir, 'adapter_model.safetensors');
  const fail = (what: string): never => {
    throw new PrefoptError('checkpoint', `${dir}: ${what}`);
  };
  if (!existsSync(configFile) || !existsSync(weightsFile)) {
    fail(
      'expected a PEFT adapter folder with adapter_config.json + adapter_model.safetensors (peft save_pretrained writes them).',
    );
  }
  let peft: PeftAdapterConfig;
  try {
    peft = JSON.parse(readFileSync(configFile, 'utf8')) as PeftAdapterConfig;
  } catch (e) {
    return fail(`adapter_config.json is not valid JSON: ${(e as Error).message}`);
  }
  if (peft.peft_type !== 'LORA')
    fail(`peft_type '${peft.peft_type}' is not supported; expected LORA.`);
  const unsupported: [string, boolean][] = [
    ['use_dora', peft.use_dora === true],
    ['use_rslora', peft.use_rslora === true],
    ['fan_in_fan_out', peft.fan_in_fan_out === true],
    ['bias', peft.bias !== undefined && peft.bias !== 'none'],
    ['modules_to_save', Array.isArray(peft.modules_to_save) && peft.modules_to_save.length > 0],
    ['layers_to_transform', peft.layers_to_transform != null],
    ['rank_pattern', Object.keys(peft.rank_pattern ?? {}).length > 0],
    ['alpha_pattern', Object.keys(peft.alpha_pattern ?? {}).length > 0],
  ];
  for (const [field, bad] of unsupported) {
    if (bad)
      fail(
        `adapter_config.json sets ${field} (${JSON.stringify(peft[field])}), which prefopt does not support.`,
      );
  }
  const modules = peft.target_modules;
  if (typeof modules === 'string' && modules !== 'all-linear')
    fail(
      `target_modules '${modules}' (a regex) is not supported; list the modules (q_proj, v_proj, …).`,
    );
  let options;
  try {
    options = resolveLoraOptions({
      rank: peft.r,
      alpha: peft.lora_alpha,
      dropout: peft.lora_dropout ?? 0,
      targets: modules ?? 'q,v',
    });
  } catch (e) {
    return fail(`adapter_config.json: ${(e as Error).message}`);
  }
  const tensors = readSafetensors(weightsFile);
  for (const name of tensors.keys()) parsePeftTensorName(name, weightsFile); // nothing foreign
  const get = (name: string, shape: number[]): Float32Array => {
    const t = tensors.get(name);
    if (!t) return fail(`adapter_model.safetensors has no ${name}.`);
    if (t.shape.join() !== shape.join())
      fail(
        `${name} has shape [${t.shape.join(', ')}], expected [${shape.join(', ')}] for this base model.`,
      );
    return t.values;
  };
  const adapters = new LoraAdapters(config, options, (layer, name) => {
    const [inSize, outSize] = projectionShape(config, name);
    const r = options.rank;
    const a = get(peftTensorName(layer, name, 'A'), [r, inSize]); // [r, in]
    let b = get(peftTensorName(layer, name, 'B'), [outSize, r]); // [out, r]
    const heads = name === 'q' ? config.heads : name === 'k' ? config.kvHeads : 0;
    if (heads) b = permuteRotaryRows(b, heads, r, true);
    return {
      a: tf.tensor2d(transposeMatrix(a, r, inSize), [inSize, r]),
      b: tf.tensor2d(transposeMatrix(b, outSize, r), [r, outSize]),
    };
  });
  const expected = adapters.entries().length * 2;
  if (tensors.size !== expected) {
    adapters.dispose();
    fail(
      `adapter_model.safetensors holds ${tensors.size} tensors, expected ${expected} for ${options.targets.join(',')} over ${config.layers} layers.`,
    );
  }
  return adapters;
}
