import { PrefoptError, type CausalLM } from '@prefopt/core';
import type { RefSyncOptions } from './SyncedReference';

/** How the reference log-probs of a run are computed (the log names it). */
export type ReferenceStrategy =
  'none' | 'frozen copy' | 'adapters off' | 'precomputed cache' | 'tr-dpo sync';

/**
 * The reference strategy of a run, from the objective's only flag and the model: none for a
 * reference-free objective (nothing loaded); a precomputed cache when asked for; else the
 * policy with its adapters off when it has adapters (LoRA: no second copy); a TR-DPO synced
 * copy when sync options are given; else a frozen copy. Contradictions are `config` errors.
 */
export function referenceStrategy(o: {
  requiresReference: boolean;
  policy: CausalLM;
  cache: boolean;
  sync?: RefSyncOptions;
}): ReferenceStrategy {
  if (!o.requiresReference) return 'none';
  const adapters = typeof o.policy.adaptersOff === 'function';
  if (o.sync && adapters) {
    throw new PrefoptError(
      'config',
      'TR-DPO sync (--ref-sync-alpha/--ref-sync-steps) needs full fine-tuning; with LoRA the reference is the base with adapters off. Drop the --lora-* or the --ref-sync-* flags.',
    );
  }
  if (o.sync && o.cache) {
    throw new PrefoptError(
      'config',
      'TR-DPO sync moves the reference, so its log-probs cannot be precomputed; drop --precompute-ref or the --ref-sync-* flags.',
    );
  }
  if (o.cache) return 'precomputed cache';
  if (adapters) return 'adapters off';
  return o.sync ? 'tr-dpo sync' : 'frozen copy';
}
