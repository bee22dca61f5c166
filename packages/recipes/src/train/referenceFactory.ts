import type { CausalLM, PreferenceBatch, TokenizedPair } from '@prefopt/core';
import { PairBatchStream } from '@prefopt/data';
import type { LlamaModel } from '@prefopt/model';
import {
  AdaptersOffReference,
  frozenCopy,
  hashWeights,
  ModelReference,
  openReferenceCache,
  referenceStrategy,
  SyncedReference,
  type RefSyncOptions,
  type ReferenceSource,
} from '@prefopt/trainer';
import type { TrainData } from './loadTrainData';

export interface ReferencePlan {
  /** The policy as it is before the first step (a fresh run): a LlamaModel, or a LoraModel … */
  policy: CausalLM;
  /** … or, on resume, a loader of the original `--model` (the policy has moved on). */
  original: (() => LlamaModel) | undefined;
  data: TrainData;
  batchSize: number;
  /** Folder of the log-prob cache (`--precompute-ref`), or undefined for a model reference. */
  cacheDir: string | undefined;
  /** TR-DPO sync (`--ref-sync-alpha`, `--ref-sync-steps`), or undefined for a fixed reference. */
  sync?: RefSyncOptions;
  /** A TR-DPO reference saved in the checkpoint being resumed (it has moved since step 0). */
  syncedFrom?: () => LlamaModel;
  /** Called with the synced reference's model, so checkpoints can save it. */
  onSynced?: (model: LlamaModel) => void;
  /** The reference weights' hash when a checkpoint recorded it (resume without a reload). */
  weightsHash: string | undefined;
  onWeightsHash: (hash: string) => void;
  log: (text: string) => void;
}

/**
 * The Trainer's `reference` factory. The Trainer calls it once, before step 1, and only for
 * an objective that requires a reference, so a reference-free run loads nothing here. The
 * strategy (frozen copy, adapters off, precomputed cache, TR-DPO sync) comes from
 * `referenceStrategy`; the log names it.
 */
export function referenceFactory(p: ReferencePlan): () => Promise<ReferenceSource> {
  return async () => {
    const strategy = referenceStrategy({
      requiresReference: true,
      policy: p.policy,
      cache: p.cacheDir !== undefined,
      sync: p.sync,
    });
    const lora = typeof p.policy.adaptersOff === 'function';
    const initial = () => p.original?.() ?? (p.policy as LlamaModel);
    if (strategy === 'adapters off') {
      p.log('reference: adapters off (the policy with its LoRA adapters disabled; no second copy)');
      return new AdaptersOffReference(p.policy);
    }
    if (strategy === 'frozen copy' || strategy === 'tr-dpo sync') {
      const source = strategy === 'tr-dpo sync' && p.syncedFrom ? p.syncedFrom() : initial();
      const copy = frozenCopy(source);
      if (source !== p.policy) source.dispose();
      if (strategy === 'frozen copy') {
        p.log('reference: a frozen copy of the initial policy');
        return new ModelReference(copy);
      }
      const { alpha, steps } = p.sync!;
      p.log(
        `reference: tr-dpo sync (a frozen copy, ref ← ${alpha}·policy + ${1 - alpha}·ref every ${steps} steps)`,
      );
      p.onSynced?.(copy);
      return new SyncedReference(copy, p.policy.trainableVariables, p.sync!);
    }
    let loaded: CausalLM | undefined;
    // with LoRA the reference is the base with adapters off: a view, nothing loaded
    const model = () => (loaded ??= lora ? p.policy.adaptersOff!() : initial());
    const weights =
      p.weightsHash ??
      `${await hashWeights(model().trainableVariables)}${lora ? '+adapters-off' : ''}`;
    p.onWeightsHash(weights);
    const batches = function* (): Generator<PreferenceBatch> {
      const all: TokenizedPair[][] = [p.data.train, p.data.eval];
      for (const pairs of all) yield* PairBatchStream.inOrder(pairs, p.batchSize);
    };
    const { source } = await openReferenceCache({
      dir: p.cacheDir!,
      identity: { weights, data: p.data.dataIdentity, tokenization: p.data.tokenizationIdentity },
      model,
      batches,
      onMessage: p.log,
    });
    if (loaded && loaded !== p.policy) loaded.dispose();
    return source;
  };
}
