import * as tf from '@tensorflow/tfjs';

/** The unfused reference: gather(logSoftmax(x), t) with tfjs's own gradients. */
export function unfusedTokenLogProbs(x: tf.Tensor2D, t: tf.Tensor1D): tf.Tensor1D {
  const [n, v] = x.shape;
  const flat = tf.add(tf.mul(tf.range(0, n, 1, 'int32'), tf.scalar(v, 'int32')), t); // [N]
  return tf.gather(tf.reshape(tf.logSoftmax(x), [n * v]), flat) as tf.Tensor1D; // [N]
}
