import type * as tf from '@tensorflow/tfjs-core';
import { matMul2d } from '../ops/matMul2d';

/** The seven linear projections of a Llama block (PEFT's short names), and the output head. */
export type ProjectionName = 'q' | 'k' | 'v' | 'o' | 'gate' | 'up' | 'down' | 'head';

/**
 * `x · W` of one projection of one layer (the head: layer −1) ([M, in] · [in, out] → [M, out]). The plain model
 * multiplies; adapters (LoRA, `@prefopt/lora`) add their low-rank term here.
 */
export type Projection = (
  layer: number,
  name: ProjectionName,
  x: tf.Tensor2D, // [M, in]
  w: tf.Tensor2D, // [in, out]
) => tf.Tensor2D; // [M, out]

/** `x · W`, nothing added. */
export const plainProjection: Projection = (_layer, _name, x, w) => matMul2d(x, w);
