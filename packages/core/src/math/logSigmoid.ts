import * as tf from '@tensorflow/tfjs-core';

/**
 * log σ(x) = −softplus(−x), stable for large |x|.
 * (tf.logSigmoid is avoided: its custom gradient fails inside tf.variableGrads in tfjs 4.22.)
 */
export function logSigmoid<T extends tf.Tensor>(x: T): T {
  return tf.neg(tf.softplus(tf.neg(x)));
}
