import * as tf from '@tensorflow/tfjs-core';
import { PrefoptError, type PairLogps, type PreferenceBatch } from '@prefopt/core';
import type { ReferenceSource } from './ReferenceSource';
import { pairKeys } from './pairKeys';

/** Reference log-probs looked up per pair (by `pairKeys`) in a precomputed table. */
export class CachedReference implements ReferenceSource {
  readonly kind = 'cache' as const;

  constructor(
    private readonly table: ReadonlyMap<string, readonly [number, number]>,
    private readonly file: string,
  ) {}

  logps(batch: PreferenceBatch): PairLogps {
    const chosen: number[] = [];
    const rejected: number[] = [];
    for (const key of pairKeys(batch)) {
      const hit = this.table.get(key);
      if (!hit) {
        throw new PrefoptError(
          'data',
          `the reference cache ${this.file} has no entry for a pair of this batch (data or tokenisation changed?). Delete the file to recompute it.`,
        );
      }
      chosen.push(hit[0]);
      rejected.push(hit[1]);
    }
    return { chosen: tf.tensor1d(chosen, 'float32'), rejected: tf.tensor1d(rejected, 'float32') }; // [B] each
  }

  dispose(): void {}
}
