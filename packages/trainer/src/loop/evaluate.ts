import * as tf from '@tensorflow/tfjs-core';
import type { CausalLM, EvalMetrics, Objective, PreferenceBatch } from '@prefopt/core';
import type { ReferenceSource } from '../reference/ReferenceSource';
import { batchStats } from './batchStats';
import { MetricsMean } from './MetricsMean';

/** The step metrics over a held-out split (no gradient), named `eval/…` as TRL logs them. */
export function evaluate(
  step: number,
  policy: CausalLM,
  objective: Objective,
  batches: Iterable<PreferenceBatch>,
  reference: ReferenceSource | undefined,
): EvalMetrics {
  const mean = new MetricsMean();
  for (const batch of batches) {
    tf.tidy(() => {
      const refLogps = reference?.logps(batch); // [B] each
      const { logps, lengths } = policy.sequenceLogps(batch); // [B] each
      const out = objective.compute({ policy: logps, reference: refLogps, lengths });
      mean.add(batchStats(out, logps));
    });
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
