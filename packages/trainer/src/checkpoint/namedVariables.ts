import type * as tf from '@tensorflow/tfjs-core';
import type { CausalLM } from '@prefopt/core';
import { LlamaModel, modelVariables } from '@prefopt/model';

/**
 * The policy's trainable variables with readable names for messages (`layers.0.wq`): a
 * LlamaModel's weight names, else each variable's own name.
 */
export function namedVariables(policy: CausalLM): [string, tf.Variable][] {
  const names = new Map<tf.Variable, string>();
  if (policy instanceof LlamaModel) {
    for (const [name, v] of modelVariables(policy)) names.set(v, name);
  }
  return policy.trainableVariables.map((v) => [names.get(v) ?? v.name, v]);
}
