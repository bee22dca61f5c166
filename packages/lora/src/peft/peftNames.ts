import { PrefoptError } from '@prefopt/core';
import { LORA_TARGETS, type LoraTargetName } from '../loraTargets';

/** PEFT's saved name of one adapter matrix of a Llama: `base_model.model.model.layers.{i}.{module}.lora_{A|B}.weight`. */
export function peftTensorName(layer: number, name: LoraTargetName, which: 'A' | 'B'): string {
  const target = LORA_TARGETS.find((t) => t.name === name)!;
  return `base_model.model.model.layers.${layer}.${target.peft}.lora_${which}.weight`;
}

const PATTERN =
  /^base_model\.model\.model\.layers\.(\d+)\.(self_attn|mlp)\.(\w+)\.lora_([AB])\.weight$/;

/** Layer, target and matrix of a PEFT adapter tensor name; anything else is a `checkpoint` error. */
export function parsePeftTensorName(
  tensor: string,
  file: string,
): { layer: number; name: LoraTargetName; which: 'A' | 'B' } {
  const m = PATTERN.exec(tensor);
  const target = m && LORA_TARGETS.find((t) => t.peft === `${m[2]}.${m[3]}`);
  if (!m || !target) {
    throw new PrefoptError(
      'checkpoint',
      `${file}: tensor ${tensor} is not a LoRA weight of a Llama projection (expected base_model.model.model.layers.N.self_attn.q_proj.lora_A.weight and the like).`,
    );
  }
  return { layer: Number(m[1]), name: target.name, which: m[4] as 'A' | 'B' };
}

/** PEFT's module name of a target (`q` → `q_proj`). */
export function peftModuleName(name: LoraTargetName): string {
  return LORA_TARGETS.find((t) => t.name === name)!.peft.split('.')[1];
}
