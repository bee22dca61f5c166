import type { PreferenceBatch } from './PreferenceBatch';

/** JSON that a checkpoint can hold. */
export type JsonValue =
  null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/**
 * The training data as the loop sees it: an endless, seeded sequence of batches that
 * can say where it is and be put back there, so a resumed run sees the same batches.
 * (@prefopt/data's PairBatchStream and UnpairedBatchStream are the built-in ones.)
 */
export interface BatchStream {
  /** Batches in one pass over the data (for `--epochs` and the fractional epoch). */
  readonly batchesPerEpoch: number;
  /** The next batch; after the last batch of an epoch, the first of the next (reshuffled). */
  next(): PreferenceBatch;
  /** Where the stream is (epoch, index, RNG state): JSON, stored in checkpoints. */
  position(): JsonValue;
  /** Continue from a position returned by `position()`. */
  restore(position: JsonValue): void;
}
