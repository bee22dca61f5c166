import type { CausalLM } from '@prefopt/core';
import { LoraModel, mergeLora } from '@prefopt/lora';
import { modelFromWeights, type LlamaModel } from '@prefopt/model';

/** After training: a plain model to generate from (LoRA merged into its base, which is freed). */
export async function plainModel(policy: CausalLM): Promise<LlamaModel> {
  if (!(policy instanceof LoraModel)) return policy as LlamaModel;
  const merged = modelFromWeights(policy.base.config, await mergeLora(policy), 'merged LoRA');
  policy.dispose();
  return merged;
}
