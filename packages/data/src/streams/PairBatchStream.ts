import type { PreferenceBatch, TokenizedPair } from '@prefopt/core';
import { collatePairs, type CollateOptions } from '../collate/collatePairs';
import { SampledBatchStream } from './SampledBatchStream';

/** The trainer's BatchStream over tokenised pairs, padded by `collatePairs`. */
export class PairBatchStream extends SampledBatchStream<TokenizedPair, PreferenceBatch> {
  protected collate(pairs: TokenizedPair[], options: CollateOptions): PreferenceBatch {
    return collatePairs(pairs, options);
  }

  /** Every pair once, in file order, in batches of `batchSize` (eval and reference passes). */
  static *inOrder(
    pairs: readonly TokenizedPair[],
    batchSize: number,
    collate: CollateOptions = {},
  ): Generator<PreferenceBatch> {
    for (let i = 0; i < pairs.length; i += batchSize)
      yield collatePairs(pairs.slice(i, i + batchSize), collate);
  }
}
