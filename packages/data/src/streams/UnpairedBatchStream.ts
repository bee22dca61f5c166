import type { TokenizedExample, UnpairedBatch } from '@prefopt/core';
import type { CollateOptions } from '../collate/collatePairs';
import { collateUnpaired } from '../unpaired/collateUnpaired';
import { SampledBatchStream } from './SampledBatchStream';

/**
 * The trainer's BatchStream over tokenised unpaired examples (KTO, BCO): the seeded
 * BatchSampler picks the examples, `collateUnpaired` adds KTO's mismatched-pair rows.
 */
export class UnpairedBatchStream extends SampledBatchStream<TokenizedExample, UnpairedBatch> {
  protected collate(examples: TokenizedExample[], options: CollateOptions): UnpairedBatch {
    return collateUnpaired(examples, options);
  }

  /** Every example once, in file order, in batches of `batchSize` (eval passes; a last batch of 1 is dropped). */
  static *inOrder(
    examples: readonly TokenizedExample[],
    batchSize: number,
    collate: CollateOptions = {},
  ): Generator<UnpairedBatch> {
    for (let i = 0; i + 1 < examples.length; i += batchSize)
      yield collateUnpaired(examples.slice(i, i + batchSize), collate);
  }
}
