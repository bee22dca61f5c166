import { PrefoptError, type PreferenceBatch, type Tokenizer } from '@prefopt/core';
import { PairBatchStream } from '@prefopt/data';
import type { AnyObjective, BatchStream } from '@prefopt/trainer';
import { trainStreams, type TrainStreams } from '../train/trainStreams';
import type { TrainingData } from './TrainingSettings';

/** The same batch, forever: the data loop costs nothing to measure. */
function repeat(batch: PreferenceBatch): BatchStream {
  return { batchesPerEpoch: 1, next: () => batch, position: () => null, restore: () => undefined };
}

/** A run's training and held-out batches, and the data a reference cache is keyed by. */
export async function trainingStreams(
  objective: AnyObjective,
  data: TrainingData,
  o: { batchSize: number; seed: number; tokenizer?: Tokenizer; tokenizerPath?: string },
  log: (text: string) => void,
): Promise<TrainStreams> {
  if ('files' in data) {
    if (!o.tokenizer || !o.tokenizerPath)
      throw new PrefoptError('config', 'training from data files needs a tokenizer.');
    return trainStreams(objective, data.files, o.tokenizer, o.tokenizerPath, log);
  }
  if ('batch' in data) {
    const none = { train: [], eval: [], dataIdentity: '', tokenizationIdentity: '' };
    return { data: none, train: repeat(data.batch), eval: undefined };
  }
  const train = [...data.pairs];
  const held = [...(data.eval ?? [])];
  const evalBatch = data.evalBatchSize ?? o.batchSize;
  return {
    data: { train, eval: held, dataIdentity: '', tokenizationIdentity: '' },
    train: new PairBatchStream(train, { batchSize: o.batchSize, seed: o.seed }),
    eval: data.eval ? () => PairBatchStream.inOrder(held, evalBatch) : undefined,
  };
}
