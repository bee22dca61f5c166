import * as tf from '@tensorflow/tfjs-core';
import { buildWeights, LlamaModel, modelVariables } from '@prefopt/model';

/**
 * The reference as a frozen copy of the policy as it is now (before the first step):
 * the same weights in new variables marked non-trainable, so no optimiser or gradient
 * ever reaches them. Copied on the device (no read back), so it works on every backend.
 */
export function frozenCopy(policy: LlamaModel): LlamaModel {
  const source = modelVariables(policy);
  const copy = new LlamaModel(
    policy.config,
    buildWeights(policy.config, (name) => tf.clone(source.get(name)!)),
  );
  for (const v of copy.trainableVariables) v.trainable = false;
  return copy;
}
