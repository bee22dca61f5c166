import type { CausalLM, OptionValue } from '@prefopt/core';
import { applyLora, LoraModel, mergeLora } from '@prefopt/lora';
import { modelFromWeights, type LlamaModel } from '@prefopt/model';
import {
  AdaptersOffReference,
  frozenCopy,
  ModelReference,
  referenceStrategy,
  SyncedReference,
  type ReferenceSource,
} from '@prefopt/trainer';
import { readLoraSettings } from '../../lora/readLoraSettings';

/**
 * An ablation run's policy and reference from its grid settings (RUN_AXES): LoRA on
 * `base` (reference: adapters off) and/or TR-DPO sync, as `prefopt train` does them.
 */
export function jobPolicy(
  base: LlamaModel,
  settings: Record<string, OptionValue> | undefined,
  seed: number,
): { policy: LlamaModel | LoraModel; reference: () => ReferenceSource } {
  const flags = Object.fromEntries(Object.entries(settings ?? {}).map(([k, v]) => [k, String(v)]));
  const s = readLoraSettings({ positionals: [], flags, repeated: {} }, process.cwd());
  const policy = s.lora ? applyLora(base, { options: s.lora, seed }) : base;
  const reference = (): ReferenceSource => {
    const strategy = referenceStrategy({
      requiresReference: true,
      policy,
      cache: false,
      sync: s.sync,
    });
    if (strategy === 'adapters off') return new AdaptersOffReference(policy);
    const copy = frozenCopy(base);
    return s.sync
      ? new SyncedReference(copy, policy.trainableVariables, s.sync)
      : new ModelReference(copy);
  };
  return { policy, reference };
}

/** After training: a plain model to generate from (LoRA merged into its base, which is freed). */
export async function plainModel(policy: CausalLM): Promise<LlamaModel> {
  if (!(policy instanceof LoraModel)) return policy as LlamaModel;
  const merged = modelFromWeights(policy.base.config, await mergeLora(policy), 'merged LoRA');
  policy.dispose();
  return merged;
}
