import * as tf from '@tensorflow/tfjs-core';
import type { CausalLM, PreferenceBatch } from '@prefopt/core';
import { pairKeys } from './pairKeys';

/**
 * One pass of `model` over every batch: the summed completion log-probs of each pair,
 * keyed by `pairKeys`. Run before the first optimiser step, when the policy still is
 * the reference, so no second copy of the model is needed.
 */
export async function precomputeReference(
  model: CausalLM,
  batches: Iterable<PreferenceBatch>,
  onProgress?: (pairs: number) => void,
): Promise<Map<string, readonly [number, number]>> {
  const table = new Map<string, readonly [number, number]>();
  for (const batch of batches) {
    const values = tf.tidy(() => {
      const { logps } = model.sequenceLogps(batch);
      return tf.stack([logps.chosen, logps.rejected]); // [2, B]
    });
    let data: Float32Array;
    try {
      data = (await values.data()) as Float32Array; // await: no synchronous read on webgpu
    } finally {
      values.dispose();
    }
    const B = batch.size;
    pairKeys(batch).forEach((key, b) => table.set(key, [data[b], data[B + b]]));
    onProgress?.(table.size);
  }
  return table;
}
