import type { BatchStream, JsonValue, PreferenceBatch } from '@prefopt/core';
import {
  BatchSampler,
  type BatchSamplerOptions,
  type SamplerPosition,
} from '../batching/BatchSampler';
import type { CollateOptions } from '../collate/collatePairs';

/**
 * A BatchStream over tokenised items: @prefopt/data's seeded BatchSampler picks the indices
 * (its position is the checkpoint's data position), `collate` turns the picked items into a
 * batch. PairBatchStream and UnpairedBatchStream differ only in their items and collation.
 */
export abstract class SampledBatchStream<
  Item,
  Batch extends PreferenceBatch,
> implements BatchStream {
  private sampler: BatchSampler;

  constructor(
    protected readonly items: readonly Item[],
    private readonly options: BatchSamplerOptions,
    protected readonly collateOptions: CollateOptions = {},
  ) {
    this.sampler = new BatchSampler(items.length, options);
  }

  protected abstract collate(items: Item[], options: CollateOptions): Batch;

  get batchesPerEpoch(): number {
    return this.sampler.batchesPerEpoch;
  }

  next(): Batch {
    const { indices } = this.sampler.next();
    return this.collate(
      indices.map((i) => this.items[i]),
      this.collateOptions,
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
    this.sampler = new BatchSampler(this.items.length, this.options, {
      epoch: p.epoch,
      index: p.index,
    });
  }
}
