import { modelFromWeights, modelWeights, type LlamaModel } from '@prefopt/model';

/**
 * The reference as a frozen copy of the policy as it is now (before the first step):
 * the same weights in new variables marked non-trainable, so no optimiser or gradient
 * ever reaches them.
 */
export function frozenCopy(policy: LlamaModel): LlamaModel {
  const copy = modelFromWeights(
    policy.config,
    modelWeights(policy),
    'reference copy of the policy',
  );
  for (const v of copy.trainableVariables) v.trainable = false;
  return copy;
}
