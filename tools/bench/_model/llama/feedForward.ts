import * as tf from '@tensorflow/tfjs-core';
import { matMul2d } from '../ops/matMul2d';
import type { LayerWeights } from './LlamaWeights';

/** SwiGLU MLP: (silu(x·W1) ⊙ x·W3) · W2. */
export function feedForward(x: tf.Tensor2D, w: LayerWeights): tf.Tensor2D {
  return tf.tidy(() => {
    const gate = matMul2d(x, w.w1 as tf.Tensor2D); // [M, F]
    const up = matMul2d(x, w.w3 as tf.Tensor2D); // [M, F]
    const act = tf.mul(tf.mul(gate, tf.sigmoid(gate)), up) as tf.Tensor2D; // [M, F]
    return matMul2d(act, w.w2 as tf.Tensor2D); // [M, D]
  });
}
