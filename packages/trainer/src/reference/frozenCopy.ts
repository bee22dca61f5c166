import { PrefoptError } from '@prefopt/core';
import type { CausalLM } from '@prefopt/core';

/**
 * The reference as a frozen copy of the policy as it is now (before the first step), through
 * the model's own `CausalLM.frozenCopy` (the same weights in new, non-trainable variables, so
 * no optimiser or gradient ever reaches them). Returns the same kind of model as `policy`.
 */
export function frozenCopy<M extends CausalLM>(policy: M): M {
  if (typeof policy.frozenCopy !== 'function') {
    throw new PrefoptError(
      'config',
      `frozenCopy: this model (${policy.constructor.name}) has no frozenCopy(); implement CausalLM.frozenCopy, or use a precomputed reference cache or a reference-free objective.`,
    );
  }
  return policy.frozenCopy() as M;
}
