import * as tf from '@tensorflow/tfjs-core';
import type { CausalLM, EvalMetrics, Objective, PreferenceBatch } from '@prefopt/core';
import type { ReferenceSource } from '../reference/ReferenceSource';
import { batchStats } from './batchStats';
import { checkCompletions } from './checkCompletions';
import { MetricsMean } from './MetricsMean';
import { packStats } from './packStats';

/**
 * The step metrics over a held-out split (no gradient), named `eval/…` as TRL logs them.
 * Each batch's metrics are read with one `await data()`.
 */
export async function evaluate(
  step: number,
  policy: CausalLM,
  objective: Objective,
  batches: Iterable<PreferenceBatch>,
  reference: ReferenceSource | undefined,
): Promise<EvalMetrics> {
  const mean = new MetricsMean();
  for (const batch of batches) {
    checkCompletions(batch);
    const packed = tf.tidy(() => {
      const refLogps = reference?.logps(batch); // [B] each
      const { logps, lengths } = policy.sequenceLogps(batch); // [B] each
      const out = objective.compute({ policy: logps, reference: refLogps, lengths });
      return packStats(out, logps); // [7]
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
