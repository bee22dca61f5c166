import type * as tf from '@tensorflow/tfjs-core';

/** Per-batch sums of what TRL logs (the layout `packStats` writes). */
export interface BatchStats {
  pairs: number;
  loss: number; // the objective's scalar loss (a batch mean)
  chosenRewards: number; // Σ over pairs
  rejectedRewards: number;
  accuracies: number; // Σ [chosen reward > rejected reward]
  margins: number;
  logpsChosen: number;
  logpsRejected: number;
}

/**
 * Reads a `packStats` tensor of a batch of `pairs` pairs with `await data()` (webgpu has no
 * synchronous read in Node) and disposes it, also when the read fails.
 */
export async function batchStats(packed: tf.Tensor, pairs: number): Promise<BatchStats> {
  try {
    const v = await packed.data(); // [7]
    return {
      pairs,
      loss: v[0],
      chosenRewards: v[1],
      rejectedRewards: v[2],
      accuracies: v[3],
      margins: v[4],
      logpsChosen: v[5],
      logpsRejected: v[6],
    };
  } finally {
    packed.dispose();
  }
}
