import * as tf from '@tensorflow/tfjs-core';

/**
 * The NLL term of CPO, ORPO and SFT: the mean negative log-likelihood over every chosen
 * completion token of the batch, −Σ_i log π(y_w,i) / Σ_i |y_w,i| (a token-weighted mean,
 * as TRL's cross-entropy over the concatenated chosen labels).
 */
export function chosenNll(chosenLogps: tf.Tensor1D, chosenLengths: tf.Tensor1D): tf.Scalar {
  return tf.div(tf.neg(tf.sum(chosenLogps)), tf.sum(chosenLengths)); // []
}
