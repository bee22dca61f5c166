import * as tf from '@tensorflow/tfjs-core';
import type { ModelConfig } from '../config/ModelConfig';
import { applyRotary } from '../ops/applyRotary';
import { causalMask } from '../ops/causalMask';
import { gatherRows } from '../ops/gatherRows';
import { rmsNorm } from '../ops/rmsNorm';
import type { RotaryTables } from '../ops/rotaryTables';
import { attention } from './attention';
import { feedForward } from './feedForward';
import { linear } from './linear';
import type { LlamaWeights } from './LlamaWeights';
import type { Projection, ProjectionName } from './Projection';

/** What a forward through the blocks reads: the model's config, weights, projection and rotary tables. */
export interface StackParts {
  config: ModelConfig;
  weights: LlamaWeights;
  project: Projection;
  rope: RotaryTables;
}

/** Layer `layer`'s new keys/values ([N, T, KV, hd], rotated) → the ones attention reads ([N, Tk, KV, hd]). */
export type KvExtend = (
  layer: number,
  k: tf.Tensor4D,
  v: tf.Tensor4D,
) => [tf.Tensor4D, tf.Tensor4D];

export interface StackHooks {
  /** Keys/values before these positions (a decode cache, a shared prompt); default: none. */
  extend?: KvExtend;
  /** Sees every layer's own keys/values ([N, T, KV, hd]) as they are made. */
  keep?: (layer: number, k: tf.Tensor4D, v: tf.Tensor4D) => void;
  /** Stop once the last layer's keys/values exist: the caller needs only `keep`'s tensors. */
  kvOnly?: boolean;
}

/**
 * The blocks over [N, T] ids at positions offset … offset+T−1: final-normed hidden states
 * [N·T, D] (`null` with `kvOnly`). Attention masks keys after each query's position, so
 * keys from `extend` at positions 0 … offset−1 are all visible.
 */
export function layerStack(
  parts: StackParts,
  inputIds: tf.Tensor2D, // [N, T] int32
  offset: number,
  hooks: StackHooks = {},
): tf.Tensor2D | null {
  const { config, weights, project, rope } = parts;
  const [n, t] = inputIds.shape;
  const { heads: h, kvHeads: kv } = config;
  const hd = config.headDim;
  const cos = tf.slice(rope.cos, [offset, 0], [t, hd]); // [T, hd]
  const sin = tf.slice(rope.sin, [offset, 0], [t, hd]); // [T, hd]
  const mask = causalMask(t, offset + t, offset, config.slidingWindow); // [T, offset + T]
  let x = gatherRows(weights.embedding as tf.Tensor2D, tf.reshape(inputIds, [n * t])); // [N·T, D]
  const last = weights.layers.length - 1;
  for (let l = 0; l <= last; l++) {
    const layer = weights.layers[l];
    const a = rmsNorm(x, layer.attnNorm as tf.Tensor1D, config.normEps); // [N·T, D]
    const lin = (name: ProjectionName, x: tf.Tensor2D, w: tf.Tensor, b?: tf.Tensor) =>
      linear(project, l, name, x, w, b); // [M, out]
    const q = applyRotary(tf.reshape(lin('q', a, layer.wq, layer.bq), [n, t, h, hd]), cos, sin); // [N, T, H, hd]
    let k = applyRotary(tf.reshape(lin('k', a, layer.wk, layer.bk), [n, t, kv, hd]), cos, sin); // [N, T, KV, hd]
    let v = tf.reshape(lin('v', a, layer.wv, layer.bv), [n, t, kv, hd]) as tf.Tensor4D; // [N, T, KV, hd]
    hooks.keep?.(l, k, v);
    if (hooks.kvOnly && l === last) return null;
    if (hooks.extend) [k, v] = hooks.extend(l, k, v); // [N, offset + T, KV, hd]
    x = tf.add(x, lin('o', attention(q, k, v, mask), layer.wo, layer.bo)); // [N·T, D]
    const normed = rmsNorm(x, layer.ffnNorm as tf.Tensor1D, config.normEps); // [N·T, D]
    x = tf.add(x, feedForward(normed, layer, l, project)); // [N·T, D]
  }
  return rmsNorm(x, weights.finalNorm as tf.Tensor1D, config.normEps); // [N·T, D]
}
