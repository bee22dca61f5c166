import { PrefoptError } from '@prefopt/core';
import { seededPermutation } from './seededPermutation';

/** Where a sampler stands: `index` pairs of epoch `epoch`'s order are consumed. JSON-safe. */
export interface SamplerPosition {
  epoch: number;
  index: number;
}

/** How a BatchSampler orders and cuts the dataset. */
export interface BatchSamplerOptions {
  batchSize: number;
  /** Seed of every epoch's order (default 0). */
  seed?: number;
  /** Reorder each epoch (default true); false keeps file order. */
  shuffle?: boolean;
  /** Leave out an epoch's last, smaller batch (default false). */
  dropLast?: boolean;
}

/** One batch: dataset indices, and the epoch they belong to. */
export interface SampledBatch {
  indices: number[];
  epoch: number;
}

/**
 * Deterministic batches of dataset indices over endless epochs. Each epoch's order is a
 * function of (seed, epoch) only, so `position` — saved with a checkpoint and passed back
 * as `start` — resumes on exactly the batch an uninterrupted run would have drawn next.
 */
export class BatchSampler {
  private epoch: number;
  private index: number;
  private order: number[] | undefined;
  private readonly seed: number;
  private readonly perEpoch: number; // pairs used per epoch

  constructor(
    readonly size: number,
    private readonly options: BatchSamplerOptions,
    start: SamplerPosition = { epoch: 0, index: 0 },
  ) {
    const { batchSize } = options;
    if (!Number.isInteger(batchSize) || batchSize < 1) {
      throw new PrefoptError(
        'config',
        `--batch-size must be a positive integer, got ${batchSize}.`,
      );
    }
    this.perEpoch = options.dropLast ? size - (size % batchSize) : size;
    if (this.perEpoch === 0) {
      throw new PrefoptError(
        'data',
        `the dataset has ${size} pairs, fewer than one batch of ${batchSize}; lower --batch-size or add data.`,
      );
    }
    if (!(
      Number.isInteger(start.epoch) &&
      start.epoch >= 0 &&
      Number.isInteger(start.index) &&
      start.index >= 0 &&
      start.index < this.perEpoch
    )) {
      throw new PrefoptError(
        'checkpoint',
        `data position ${JSON.stringify(start)} does not fit a dataset of ${size} pairs; was the checkpoint made on other data?`,
      );
    }
    this.seed = options.seed ?? 0;
    this.epoch = start.epoch;
    this.index = start.index;
  }

  /** Batches per epoch. */
  get batchesPerEpoch(): number {
    return Math.ceil(this.perEpoch / this.options.batchSize);
  }

  /** The position the next batch starts at. */
  get position(): SamplerPosition {
    return { epoch: this.epoch, index: this.index };
  }

  /** The next batch; after an epoch's last batch the position moves to the next epoch. */
  next(): SampledBatch {
    this.order ??=
      this.options.shuffle === false
        ? Array.from({ length: this.size }, (_, i) => i)
        : seededPermutation(this.size, this.seed, this.epoch);
    const end = Math.min(this.index + this.options.batchSize, this.perEpoch);
    const batch = { indices: this.order.slice(this.index, end), epoch: this.epoch };
    this.index = end;
    if (this.index >= this.perEpoch) {
      this.epoch++;
      this.index = 0;
      this.order = undefined;
    }
    return batch;
  }
}
