import * as tf from '@tensorflow/tfjs-core';
import { PrefoptError, type CausalLM, type PairLogps, type PreferenceBatch } from '@prefopt/core';
import type { ReferenceSource } from './ReferenceSource';

/** TR-DPO's soft update, with TRL's names and defaults (`sync_ref_model`). */
export interface RefSyncOptions {
  /** `ref_model_mixup_alpha` α: ref ← α·policy + (1 − α)·ref. TRL default 0.6. */
  alpha: number;
  /** `ref_model_sync_steps` τ: sync after every τ-th optimiser step. TRL default 512. */
  steps: number;
}

export const DEFAULT_REF_SYNC: Readonly<RefSyncOptions> = { alpha: 0.6, steps: 512 };

/**
 * A frozen copy of the policy that follows it (TR-DPO, Gorbatovski et al. 2024, eq. 5 "soft
 * update"): after every τ-th step, each reference weight becomes α·policy + (1−α)·ref, on
 * the device, as TRL's `SyncRefModelCallback` (`mul_(1−α).add_(policy, alpha=α)`) does.
 * `copy` is a model whose `trainableVariables` pair one-to-one with `policyVariables`.
 */
export class SyncedReference implements ReferenceSource {
  readonly kind = 'synced' as const;
  syncs = 0;

  constructor(
    private readonly copy: CausalLM,
    private readonly policyVariables: readonly tf.Variable[],
    readonly options: RefSyncOptions,
  ) {
    const { alpha, steps } = options;
    if (!(alpha >= 0 && alpha <= 1))
      throw new PrefoptError('config', `--ref-sync-alpha must be in [0, 1], got ${alpha}.`);
    if (!Number.isInteger(steps) || steps < 1)
      throw new PrefoptError('config', `--ref-sync-steps must be an integer >= 1, got ${steps}.`);
    const refVars = copy.trainableVariables;
    if (
      refVars.length !== policyVariables.length ||
      refVars.some((v, i) => v.shape.join() !== policyVariables[i].shape.join())
    ) {
      throw new PrefoptError(
        'config',
        'TR-DPO sync needs a full copy of the policy (every weight trainable); it does not apply to LoRA, whose reference is the base with adapters off.',
      );
    }
  }

  logps(batch: PreferenceBatch): PairLogps {
    const out = this.copy.sequenceLogps(batch);
    tf.dispose([out.lengths.chosen, out.lengths.rejected]);
    return out.logps; // [B] each
  }

  afterStep(step: number): void {
    if (step % this.options.steps !== 0) return;
    const { alpha } = this.options;
    this.copy.trainableVariables.forEach((ref, i) => {
      const next = tf.tidy(() =>
        tf.add(tf.mul(this.policyVariables[i], alpha), tf.mul(ref, 1 - alpha)),
      );
      ref.assign(next);
      next.dispose();
    });
    this.syncs += 1;
  }

  dispose(): void {
    this.copy.dispose();
  }
}
