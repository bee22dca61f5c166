import * as tf from '@tensorflow/tfjs-core';
import type { Projection, ProjectionName } from './Projection';

/**
 * One linear projection of layer `layer`: `project`'s x · W (plain, or with LoRA's low-rank
 * term), plus the bias where the config has one: [M, in] · [in, out] (+ [out]) → [M, out].
 */
export function linear(
  project: Projection,
  layer: number,
  name: ProjectionName,
  x: tf.Tensor2D,
  w: tf.Tensor,
  b?: tf.Tensor,
): tf.Tensor2D {
  const y = project(layer, name, x, w as tf.Tensor2D); // [M, out]
  return b ? (tf.add(y, b) as tf.Tensor2D) : y; // [M, out]
}
