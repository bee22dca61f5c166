import type { TokenizedExample, UnpairedBatch } from '@prefopt/core';
import {
  BatchSampler,
  collateUnpaired,
  type BatchSamplerOptions,
  type CollateOptions,
  type SamplerPosition,
} from '@prefopt/data';
import type { BatchStream, JsonValue } from './BatchStream';

/**
 * The trainer's BatchStream over tokenised unpaired examples (KTO, BCO): the seeded
 * BatchSampler picks the examples, `collateUnpaired` adds KTO's mismatched-pair rows.
 */
export class UnpairedBatchStream implements BatchStream {
  private sampler: BatchSampler;

  constructor(
    private readonly examples: readonly TokenizedExample[],
    private readonly options: BatchSamplerOptions,
    private readonly collate: CollateOptions = {},
  ) {
    this.sampler = new BatchSampler(examples.length, options);
  }

  get batchesPerEpoch(): number {
    return this.sampler.batchesPerEpoch;
  }

  next(): UnpairedBatch {
    const { indices } = this.sampler.next();
    return collateUnpaired(
      indices.map((i) => this.examples[i]),
      this.collate,
    );
  }

  position(): JsonValue {
    return {
      ...this.sampler.position,
      seed: this.options.seed ?? 0,
      batchSize: this.options.batchSize,
    };
  }

  restore(position: JsonValue): void {
    const p = position as unknown as SamplerPosition;
    this.sampler = new BatchSampler(this.examples.length, this.options, {
      epoch: p.epoch,
      index: p.index,
    });
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
