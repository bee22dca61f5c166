import * as tf from '@tensorflow/tfjs-core';
import type { CausalLM, EvalMetrics, ObjectiveState, PreferenceBatch } from '@prefopt/core';
import type { ReferenceSource } from '../reference/ReferenceSource';
import { batchStats } from './batchStats';
import { checkCompletions } from './checkCompletions';
import { MetricsMean } from './MetricsMean';
import { objectiveForward, referenceInputs, type AnyObjective } from './objectiveForward';

/**
 * The step metrics over a held-out split (no gradient), named `eval/…` as TRL logs them.
 * Each batch's metrics are read with one `await data()`.
 */
export async function evaluate(
  step: number,
  policy: CausalLM,
  objective: AnyObjective,
  batches: Iterable<PreferenceBatch>,
  reference: ReferenceSource | undefined,
  state?: ObjectiveState,
): Promise<EvalMetrics> {
  const mean = new MetricsMean();
  for (const batch of batches) {
    checkCompletions(batch);
    const packed = tf.tidy(() => {
      const ref = referenceInputs(objective, reference, batch); // [B] each (+ tokens when needed)
      // evaluation reads the objective's state but does not advance it (TRL: do_train=False)
      return objectiveForward(policy, objective, batch, ref.logps, ref.tokens, state).stats; // [7]
    });
    mean.add(await batchStats(packed, batch.size));
  }
  const m = mean.mean();
  return {
    step,
    'eval/loss': m.loss,
    'eval/rewards/chosen': m['rewards/chosen'],
    'eval/rewards/rejected': m['rewards/rejected'],
    'eval/rewards/accuracies': m['rewards/accuracies'],
    'eval/rewards/margins': m['rewards/margins'],
    'eval/logps/chosen': m['logps/chosen'],
    'eval/logps/rejected': m['logps/rejected'],
  };
}
