import { PrefoptError } from '@prefopt/core';
import type { ProjectionName } from '@prefopt/model';

/** The projections LoRA adapts: every linear of a block (not the head). */
export type LoraTargetName = Exclude<ProjectionName, 'head'>;

/** Where each LoRA target lives: PEFT's module path in a Llama block and prefopt's weight name. */
export interface LoraTarget {
  name: LoraTargetName;
  peft: string; // module path inside model.layers.{i}, e.g. self_attn.q_proj
  weight: 'wq' | 'wk' | 'wv' | 'wo' | 'w1' | 'w3' | 'w2';
}

/** Every projection LoRA can adapt, in PEFT's Llama order. */
export const LORA_TARGETS: readonly LoraTarget[] = [
  { name: 'q', peft: 'self_attn.q_proj', weight: 'wq' },
  { name: 'k', peft: 'self_attn.k_proj', weight: 'wk' },
  { name: 'v', peft: 'self_attn.v_proj', weight: 'wv' },
  { name: 'o', peft: 'self_attn.o_proj', weight: 'wo' },
  { name: 'gate', peft: 'mlp.gate_proj', weight: 'w1' },
  { name: 'up', peft: 'mlp.up_proj', weight: 'w3' },
  { name: 'down', peft: 'mlp.down_proj', weight: 'w2' },
];

/** The target of a short name (`q`) or a PEFT module name (`q_proj`). */
export function loraTarget(name: string): LoraTarget | undefined {
  const short = name.trim().replace(/_proj$/, '');
  return LORA_TARGETS.find((t) => t.name === short);
}

/**
 * `q,v` / `q_proj,v_proj` / `all-linear` (PEFT's spelling for every projection) → target
 * names in PEFT's order; unknown names are a `config` error listing the valid ones.
 */
export function parseLoraTargets(spec: string | readonly string[]): LoraTargetName[] {
  const names = typeof spec === 'string' ? spec.split(',') : [...spec];
  if (names.length === 1 && names[0].trim() === 'all-linear')
    return LORA_TARGETS.map((t) => t.name);
  const chosen = new Set<LoraTargetName>();
  for (const n of names) {
    const t = loraTarget(n);
    if (!t) {
      throw new PrefoptError(
        'config',
        `unknown LoRA target '${n.trim()}'; choose from ${LORA_TARGETS.map((x) => x.name).join(', ')} (or ${LORA_TARGETS.map((x) => x.peft.split('.')[1]).join(', ')}, or all-linear).`,
      );
    }
    chosen.add(t.name);
  }
  if (chosen.size === 0) throw new PrefoptError('config', 'LoRA targets are empty; e.g. q,v.');
  return LORA_TARGETS.filter((t) => chosen.has(t.name)).map((t) => t.name);
}
