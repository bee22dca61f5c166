import type { PairLogps, PreferenceBatch } from '@prefopt/core';

/**
 * Where reference log-probs come from when `objective.requiresReference`: a frozen copy
 * of the initial policy, or a cache computed once before training.
 */
export interface ReferenceSource {
  readonly kind: 'model' | 'cache';
  /** Summed completion log-probs of the batch, [B] each, with no gradient. Caller disposes. */
  logps(batch: PreferenceBatch): PairLogps;
  dispose(): void;
}
