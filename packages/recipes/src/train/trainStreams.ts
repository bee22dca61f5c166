import { PrefoptError, type PreferenceBatch, type Tokenizer } from '@prefopt/core';
import { PairBatchStream, UnpairedBatchStream } from '@prefopt/data';
import { isUnpaired, type AnyObjective, type BatchStream } from '@prefopt/trainer';
import { loadTrainData, type TrainData } from './loadTrainData';
import { loadUnpairedData } from './loadUnpairedData';
import type { TrainSettings } from './TrainSettings';

/** The batches a run trains and evaluates on, and the data a reference cache is keyed by. */
export interface TrainStreams {
  data: TrainData;
  train: BatchStream;
  eval: (() => Iterable<PreferenceBatch>) | undefined;
}

/**
 * Pairs for a paired objective; TRL's unpaired format (prompt, completion, label) with KTO's
 * mismatched-pair rows for an unpaired one (kto, bco).
 */
export async function trainStreams(
  objective: AnyObjective,
  s: TrainSettings,
  tokenizer: Tokenizer,
  tokenizerPath: string,
  log: (text: string) => void,
): Promise<TrainStreams> {
  if (!isUnpaired(objective)) {
    const data = await loadTrainData(s, tokenizer, tokenizerPath, log);
    return {
      data,
      train: new PairBatchStream(data.train, { batchSize: s.batchSize, seed: s.seed }),
      eval: data.eval.length ? () => PairBatchStream.inOrder(data.eval, s.batchSize) : undefined,
    };
  }
  if (s.precomputeRef) {
    throw new PrefoptError(
      'config',
      `--precompute-ref caches paired log-probs; objective '${objective.name}' trains on unpaired data with a frozen reference copy: drop --precompute-ref.`,
    );
  }
  if (s.batchSize < 2) {
    throw new PrefoptError(
      'config',
      `objective '${objective.name}' needs --batch-size >= 2 (KTO's KL estimate pairs each prompt with another example's completion), got ${s.batchSize}.`,
    );
  }
  const u = await loadUnpairedData(s, objective.name, tokenizer, log);
  return {
    data: { train: [], eval: [], dataIdentity: u.dataIdentity, tokenizationIdentity: '' },
    train: new UnpairedBatchStream(u.train, { batchSize: s.batchSize, seed: s.seed }),
    eval: u.eval.length > 1 ? () => UnpairedBatchStream.inOrder(u.eval, s.batchSize) : undefined,
  };
}
