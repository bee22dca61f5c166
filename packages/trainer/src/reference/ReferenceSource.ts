import type { PairLogps, PreferenceBatch } from '@prefopt/core';

/**
 * Where reference log-probs come from when `objective.requiresReference`: a frozen copy
 * of the initial policy, a cache computed once before training, the policy with its
 * adapters off, or a frozen copy that follows the policy (TR-DPO); `referenceStrategy` picks.
 */
export interface ReferenceSource {
  readonly kind: 'model' | 'cache' | 'adapters off' | 'synced';
  /** Summed completion log-probs of the batch, [B] each, with no gradient. Caller disposes. */
  logps(batch: PreferenceBatch): PairLogps;
  /** Called by the Trainer after each optimiser step (`step` = steps done): TR-DPO's sync. */
  afterStep?(step: number): void;
  dispose(): void;
}
