import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { permuteRotaryRows, transposeMatrix, writeSafetensors } from '@prefopt/model';
import type { LoraAdapters } from '../LoraAdapters';
import type { PeftAdapterConfig } from './PeftAdapterConfig';
import { peftModuleName, peftTensorName } from './peftNames';

/**
 * Writes `adapter_config.json` + `adapter_model.safetensors` (float32) in PEFT's format, so
 * that `PeftModel.from_pretrained(LlamaForCausalLM.from_pretrained(base), dir)` loads them.
 * A is stored [r, in] and B [out, r] (nn.Linear layout); B's q/k rows go back to HF's
 * rotate-half order. Reads with `await data()`, so it works on every backend.
 */
export async function writePeftAdapter(
  dir: string,
  adapters: LoraAdapters,
  baseModel: string | null = null,
): Promise<void> {
  const { config, options } = adapters;
  const tensors: { name: string; shape: number[]; values: Float32Array }[] = [];
  for (const { layer, name, pair } of adapters.entries()) {
    const [inSize, r] = pair.a.shape as [number, number];
    const outSize = pair.b.shape[1] as number;
    const a = transposeMatrix((await pair.a.data()) as Float32Array, inSize, r); // [r, in]
    let b = transposeMatrix((await pair.b.data()) as Float32Array, r, outSize); // [out, r]
    const heads = name === 'q' ? config.heads : name === 'k' ? config.kvHeads : 0;
    if (heads) b = permuteRotaryRows(b, heads, r, false);
    tensors.push({ name: peftTensorName(layer, name, 'A'), shape: [r, inSize], values: a });
    tensors.push({ name: peftTensorName(layer, name, 'B'), shape: [outSize, r], values: b });
  }
  const peftConfig: PeftAdapterConfig = {
    peft_type: 'LORA',
    task_type: 'CAUSAL_LM',
    r: options.rank,
    lora_alpha: options.alpha,
    lora_dropout: options.dropout,
    target_modules: options.targets.map(peftModuleName),
    bias: 'none',
    fan_in_fan_out: false,
    inference_mode: true,
    init_lora_weights: true,
    modules_to_save: null,
    layers_to_transform: null,
    layers_pattern: null,
    rank_pattern: {},
    alpha_pattern: {},
    use_rslora: false,
    use_dora: false,
    base_model_name_or_path: baseModel,
    revision: null,
  };
  mkdirSync(dir, { recursive: true });
  writeSafetensors(join(dir, 'adapter_model.safetensors'), tensors, { format: 'pt' });
  writeFileSync(join(dir, 'adapter_config.json'), `${JSON.stringify(peftConfig, null, 2)}\n`);
}
