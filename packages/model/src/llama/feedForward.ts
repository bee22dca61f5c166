import * as tf from '@tensorflow/tfjs-core';
import type { LayerWeights } from './LlamaWeights';
import { plainProjection, type Projection } from './Projection';

/** SwiGLU MLP: (silu(x·W1) ⊙ x·W3) · W2. */
export function feedForward(
  x: tf.Tensor2D,
  w: LayerWeights,
  layer = 0,
  project: Projection = plainProjection,
): tf.Tensor2D {
  return tf.tidy(() => {
    const gate = project(layer, 'gate', x, w.w1 as tf.Tensor2D); // [M, F]
    const up = project(layer, 'up', x, w.w3 as tf.Tensor2D); // [M, F]
    const act = tf.mul(tf.mul(gate, tf.sigmoid(gate)), up) as tf.Tensor2D; // [M, F]
    return project(layer, 'down', act, w.w2 as tf.Tensor2D); // [M, D]
  });
}
