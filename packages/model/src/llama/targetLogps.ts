import type * as tf from '@tensorflow/tfjs-core';
import { tokenLogProbs } from '../ops/tokenLogProbs';

/**
 * log softmax(logits)[r, target_r] for every row, as logit[target] − logsumexp(logits):
 * numerically stable, one pass over the [R, V] logits each way with a custom gradient
 * (dy·(onehot − softmax)) and no scatter (tokenLogProbs; one kernel on native backends).
 */
export function targetLogps(
  logits: tf.Tensor2D, // [R, V]
  targets: tf.Tensor1D, // [R] int32
): tf.Tensor1D {
  return tokenLogProbs(logits, targets); // [R]
}
