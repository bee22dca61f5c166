import type { Tensor2D } from '@tensorflow/tfjs-core';
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
  /**
   * Optional (objective contract v2): per-token log-probs of the batch's 2B rows, [2B, T−1],
   * 0 on padding, no gradient — for objectives that declare `needs.tokenLogps`. Caller disposes.
   */
  tokenLogps?(batch: PreferenceBatch): Tensor2D;
  /** Called by the Trainer after each optimiser step (`step` = steps done): TR-DPO's sync. */
  afterStep?(step: number): void;
  dispose(): void;
}
