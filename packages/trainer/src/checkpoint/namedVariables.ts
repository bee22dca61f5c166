import type * as tf from '@tensorflow/tfjs-core';
import type { CausalLM } from '@prefopt/core';

/**
 * The policy's trainable variables with readable names for messages (`layers.0.wq`): the
 * model's own `CausalLM.namedVariables` where it has them, else each variable's own name.
 */
export function namedVariables(policy: CausalLM): [string, tf.Variable][] {
  const names = new Map<tf.Variable, string>();
  for (const [name, v] of policy.namedVariables?.() ?? []) names.set(v, name);
  return policy.trainableVariables.map((v) => [names.get(v) ?? v.name, v]);
}
