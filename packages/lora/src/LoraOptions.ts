import { PrefoptError } from '@prefopt/core';
import type { LoraTargetName } from './loraTargets';
import { parseLoraTargets } from './loraTargets';

/** LoRA settings, with PEFT's names in the comments (LoraConfig). */
export interface LoraOptions {
  rank: number; // r
  alpha: number; // lora_alpha; the update is scaled by alpha / rank
  dropout: number; // lora_dropout, on the adapter's input, while training only
  targets: LoraTargetName[]; // target_modules
}

/** PEFT's LoraConfig defaults for Llama: r 8, lora_alpha 8, dropout 0, q_proj and v_proj. */
export const DEFAULT_LORA: Readonly<LoraOptions> = {
  rank: 8,
  alpha: 8,
  dropout: 0,
  targets: ['q', 'v'],
};

/** Fills defaults and checks every field; a bad one is a `config` error naming it. */
export function resolveLoraOptions(
  input: Partial<Omit<LoraOptions, 'targets'>> & { targets?: string | readonly string[] },
): LoraOptions {
  const given = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
  const o = {
    ...DEFAULT_LORA,
    ...given,
    targets: input.targets === undefined ? DEFAULT_LORA.targets : parseLoraTargets(input.targets),
  };
  if (!Number.isInteger(o.rank) || o.rank < 1)
    throw new PrefoptError('config', `LoRA rank must be an integer >= 1, got ${o.rank}.`);
  if (!Number.isFinite(o.alpha) || o.alpha <= 0)
    throw new PrefoptError('config', `LoRA alpha must be a number > 0, got ${o.alpha}.`);
  if (!(o.dropout >= 0 && o.dropout < 1))
    throw new PrefoptError('config', `LoRA dropout must be in [0, 1), got ${o.dropout}.`);
  return o;
}
