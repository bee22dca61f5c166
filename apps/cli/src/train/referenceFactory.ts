import type { PreferenceBatch, TokenizedPair } from '@prefopt/core';
import type { LlamaModel } from '@prefopt/model';
import {
  frozenCopy,
  hashWeights,
  ModelReference,
  openReferenceCache,
  PairBatchStream,
  type ReferenceSource,
} from '@prefopt/trainer';
import type { TrainData } from './loadTrainData';

export interface ReferencePlan {
  /** The policy as it is before the first step (a fresh run) … */
  policy: LlamaModel;
  /** … or, on resume, a loader of the original `--model` (the policy has moved on). */
  original: (() => LlamaModel) | undefined;
  data: TrainData;
  batchSize: number;
  /** Folder of the log-prob cache (`--precompute-ref`), or undefined for a frozen copy. */
  cacheDir: string | undefined;
  /** The reference weights' hash when a checkpoint recorded it (resume without a reload). */
  weightsHash: string | undefined;
  onWeightsHash: (hash: string) => void;
  log: (text: string) => void;
}

/**
 * The Trainer's `reference` factory. The Trainer calls it once, before step 1, and only for
 * an objective that requires a reference, so a reference-free run loads nothing here.
 */
export function referenceFactory(p: ReferencePlan): () => Promise<ReferenceSource> {
  return async () => {
    const initial = () => p.original?.() ?? p.policy;
    if (!p.cacheDir) {
      const source = initial();
      const copy = frozenCopy(source);
      if (source !== p.policy) source.dispose();
      p.log('reference: a frozen copy of the initial policy');
      return new ModelReference(copy);
    }
    let loaded: LlamaModel | undefined;
    const model = () => (loaded ??= initial());
    const weights = p.weightsHash ?? (await hashWeights(model().trainableVariables));
    p.onWeightsHash(weights);
    const batches = function* (): Generator<PreferenceBatch> {
      const all: TokenizedPair[][] = [p.data.train, p.data.eval];
      for (const pairs of all) yield* PairBatchStream.inOrder(pairs, p.batchSize);
    };
    const { source } = await openReferenceCache({
      dir: p.cacheDir,
      identity: { weights, data: p.data.dataIdentity, tokenization: p.data.tokenizationIdentity },
      model,
      batches,
      onMessage: p.log,
    });
    if (loaded && loaded !== p.policy) loaded.dispose();
    return source;
  };
}
