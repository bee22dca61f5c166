import * as tf from '@tensorflow/tfjs-core';
import type { LayerWeights } from './LlamaWeights';
import { linear } from './linear';
import { plainProjection, type Projection } from './Projection';

/** SwiGLU MLP: (silu(x·W1 + b1) ⊙ (x·W3 + b3)) · W2 + b2 (biases when config.mlpBias). */
export function feedForward(
  x: tf.Tensor2D,
  w: LayerWeights,
  layer = 0,
  project: Projection = plainProjection,
): tf.Tensor2D {
  return tf.tidy(() => {
    const gate = linear(project, layer, 'gate', x, w.w1, w.b1); // [M, F]
    const up = linear(project, layer, 'up', x, w.w3, w.b3); // [M, F]
    const act = tf.mul(tf.mul(gate, tf.sigmoid(gate)), up) as tf.Tensor2D; // [M, F]
    return linear(project, layer, 'down', act, w.w2, w.b2); // [M, D]
  });
}
