import { PrefoptError, type CausalLM } from '@prefopt/core';
import type { CheckpointStore } from '../checkpoint/CheckpointStore';
import { firstNonFiniteVariable } from '../checkpoint/firstNonFinite';
import { namedVariables } from '../checkpoint/namedVariables';

const FIX = 'Lower --lr, check the data, or raise --max-length.';

const newest = (store: CheckpointStore | undefined) =>
  store ? store.lastWords() : 'No checkpoints are written in this run.';

/**
 * The error for a non-finite loss or gradient norm at `step`, true in every case: when the
 * weights themselves are already non-finite (the previous update diverged) it says so, and
 * it names the newest checkpoint, which holds finite weights because every checkpoint is
 * checked before it is written.
 */
export async function numericStopError(
  step: number,
  what: string,
  policy: CausalLM,
  store: CheckpointStore | undefined,
): Promise<PrefoptError> {
  const bad = await firstNonFiniteVariable(namedVariables(policy));
  const cause = bad
    ? `the weights are already non-finite (first: ${bad}): the update of step ${step - 1} diverged`
    : 'stopped before the update';
  return new PrefoptError('numeric', `step ${step}: ${what}; ${cause}. ${newest(store)} ${FIX}`);
}

/** Before a checkpoint is written: the weights must be finite, else nothing is written. */
export async function assertFiniteWeights(
  step: number,
  policy: CausalLM,
  store: CheckpointStore,
): Promise<void> {
  const bad = await firstNonFiniteVariable(namedVariables(policy));
  if (!bad) return;
  throw new PrefoptError(
    'numeric',
    `step ${step}: the update made the weights non-finite (first: ${bad}); checkpoint-${step} was not written. ${newest(store)} ${FIX}`,
  );
}
