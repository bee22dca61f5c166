import * as tf from '@tensorflow/tfjs-core';
import { PrefoptError, type CausalLM, type PairLogps, type PreferenceBatch } from '@prefopt/core';
import type { ReferenceSource } from './ReferenceSource';

/**
 * The reference as the policy with its adapters disabled (LoRA): the same base weights, no
 * second copy (TRL, LLaMA-Factory and torchtune compute DPO's reference this way). Valid
 * because the base never trains; run outside the gradient tape, as every reference.
 */
export class AdaptersOffReference implements ReferenceSource {
  readonly kind = 'adapters off' as const;
  private readonly base: CausalLM;

  constructor(policy: CausalLM) {
    if (!policy.adaptersOff) {
      throw new PrefoptError(
        'config',
        'the "adapters off" reference needs a model with adapters (LoRA: --lora-rank N); use a frozen copy otherwise.',
      );
    }
    this.base = policy.adaptersOff();
  }

  logps(batch: PreferenceBatch): PairLogps {
    const out = this.base.sequenceLogps(batch);
    tf.dispose([out.lengths.chosen, out.lengths.rejected]);
    return out.logps; // [B] each
  }

  /** Frees the view only; the weights belong to the policy. */
  dispose(): void {
    this.base.dispose();
  }
}
