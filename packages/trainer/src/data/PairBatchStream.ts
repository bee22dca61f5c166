import type { PreferenceBatch, TokenizedPair } from '@prefopt/core';
import {
  BatchSampler,
  collatePairs,
  type BatchSamplerOptions,
  type CollateOptions,
  type SamplerPosition,
} from '@prefopt/data';
import type { BatchStream, JsonValue } from './BatchStream';

/**
 * The trainer's BatchStream over tokenised pairs: @prefopt/data's seeded BatchSampler picks
 * the indices (its position is the checkpoint's data position), `collatePairs` pads them.
 */
export class PairBatchStream implements BatchStream {
  private sampler: BatchSampler;

  constructor(
    private readonly pairs: readonly TokenizedPair[],
    private readonly options: BatchSamplerOptions,
    private readonly collate: CollateOptions = {},
  ) {
    this.sampler = new BatchSampler(pairs.length, options);
  }

  get batchesPerEpoch(): number {
    return this.sampler.batchesPerEpoch;
  }

  next(): PreferenceBatch {
    const { indices } = this.sampler.next();
    return collatePairs(
      indices.map((i) => this.pairs[i]),
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
    this.sampler = new BatchSampler(this.pairs.length, this.options, {
      epoch: p.epoch,
      index: p.index,
    });
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
