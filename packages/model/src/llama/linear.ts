import * as tf from '@tensorflow/tfjs-core';
import { matMul2d } from '../ops/matMul2d';

/** x · W (+ b): [M, in] · [in, out] (+ [out]) → [M, out]. */
export function linear(x: tf.Tensor2D, w: tf.Tensor, b?: tf.Tensor): tf.Tensor2D {
  const y = matMul2d(x, w as tf.Tensor2D); // [M, out]
  return b ? (tf.add(y, b) as tf.Tensor2D) : y; // [M, out]
}
