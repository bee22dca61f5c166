import * as tf from '@tensorflow/tfjs-core';
import { PrefoptError } from '@prefopt/core';
import type { CausalLM, PreferenceBatch, SequenceLogpsResult } from '@prefopt/core';
import type { ModelConfig } from '../config/ModelConfig';
import { modelVariables } from '../checkpoint/modelVariables';
import { buildWeights } from './buildWeights';
import { applyRotary } from '../ops/applyRotary';
import { causalMask } from '../ops/causalMask';
import { gatherRows } from '../ops/gatherRows';
import { rmsNorm } from '../ops/rmsNorm';
import { rotaryTables, type RotaryTables } from '../ops/rotaryTables';
import { attention } from './attention';
import { feedForward } from './feedForward';
import { linear } from './linear';
import type { KvCache } from './KvCache';
import type { LlamaWeights } from './LlamaWeights';
import { plainProjection, type Projection, type ProjectionName } from './Projection';
import { targetLogps } from './targetLogps';
import { validateBatch } from './validateBatch';

/**
 * A Llama-family causal LM (RMSNorm, rotary embeddings, SwiGLU, grouped-query attention,
 * tied or untied head). It owns its variables; `dispose()` frees them. `withProjection`
 * gives a view over the same variables whose linear projections go through another
 * `Projection` (LoRA adapters); a view's `dispose()` frees only its own rotary tables.
 */
export class LlamaModel implements CausalLM {
  readonly vocabSize: number;
  readonly maxSeqLen: number;
  readonly trainableVariables: readonly tf.Variable[];
  private readonly rope: RotaryTables;

  constructor(
    readonly config: ModelConfig,
    readonly weights: LlamaWeights,
    private readonly project: Projection = plainProjection,
    private readonly ownsWeights = true,
  ) {
    this.vocabSize = config.vocab;
    this.maxSeqLen = config.seqLen;
    this.trainableVariables = [...modelVariables(this).values()]; // weightShapes order
    this.rope = rotaryTables(config.headDim, config.seqLen, config.ropeTheta, config.ropeScaling);
  }

  logits(inputIds: tf.Tensor2D): tf.Tensor3D {
    return tf.tidy(() => {
      const [n, t] = inputIds.shape;
      return tf.reshape(this.head(this.hidden(inputIds)), [n, t, this.vocabSize]); // [N, T, V]
    });
  }

  /** Logits of the last position only, appending this step's keys/values to `cache`. */
  decode(inputIds: tf.Tensor2D, cache: KvCache): tf.Tensor2D {
    return tf.tidy(() => {
      const [n, t] = inputIds.shape;
      const d = this.config.dim;
      const h = tf.reshape(this.hidden(inputIds, cache), [n, t, d]); // [N, T, D]
      const last = tf.reshape(tf.slice(h, [0, t - 1, 0], [n, 1, d]), [n, d]); // [N, D]
      return this.head(last as tf.Tensor2D); // [N, V]
    });
  }

  /** log p(x_t | x_<t) for t = 1 … T−1 of every row: [N, T] int32 → [N, T−1]. */
  tokenLogps(inputIds: tf.Tensor2D): tf.Tensor2D {
    const [n, t] = inputIds.shape;
    if (t < 2)
      throw new PrefoptError('input', `tokenLogps needs at least 2 tokens per row, got ${t}.`);
    return tf.tidy(() => {
      const context = tf.slice(inputIds, [0, 0], [n, t - 1]); // [N, T−1]
      const targets = tf.slice(inputIds, [0, 1], [n, t - 1]); // [N, T−1]
      const logits = this.head(this.hidden(context)); // [N·(T−1), V]
      return tf.reshape(targetLogps(logits, tf.reshape(targets, [n * (t - 1)])), [n, t - 1]);
    });
  }

  sequenceLogps(batch: PreferenceBatch): SequenceLogpsResult {
    validateBatch(batch, this.vocabSize, this.maxSeqLen);
    const { size: b, seqLen: t } = batch;
    const lengths = new Float32Array(2 * b);
    for (let r = 0; r < 2 * b; r++) {
      for (let j = 1; j < t; j++) lengths[r] += batch.completionMask[r * t + j];
    }
    return tf.tidy(() => {
      const ids = tf.tensor2d(batch.inputIds, [2 * b, t], 'int32'); // [2B, T]
      const mask = tf.slice(tf.tensor2d(batch.completionMask, [2 * b, t]), [0, 1], [2 * b, t - 1]); // [2B, T−1]
      const sums = tf.sum(tf.mul(this.tokenLogps(ids), mask), 1) as tf.Tensor1D; // [2B]
      const counts = tf.tensor1d(lengths); // [2B]
      return {
        logps: { chosen: tf.slice(sums, 0, b), rejected: tf.slice(sums, b, b) },
        lengths: { chosen: tf.slice(counts, 0, b), rejected: tf.slice(counts, b, b) },
      };
    });
  }

  /** The same variables, with every q/k/v/o/gate/up/down projection computed by `project`. */
  withProjection(project: Projection): LlamaModel {
    return new LlamaModel(this.config, this.weights, project, false);
  }

  /** CausalLM.namedVariables: the weights keyed by `weightShapes` names (`layers.0.wq`). */
  namedVariables(): Map<string, tf.Variable> {
    return modelVariables(this);
  }

  /**
   * CausalLM.frozenCopy: the weights as they are now in new variables marked non-trainable
   * (copied on the device, no read back). A view's copy is a plain model (no projection).
   */
  frozenCopy(): LlamaModel {
    const source = modelVariables(this);
    const copy = new LlamaModel(
      this.config,
      buildWeights(this.config, (name) => tf.clone(source.get(name)!)),
    );
    for (const v of copy.trainableVariables) v.trainable = false;
    return copy;
  }

  dispose(): void {
    if (this.ownsWeights) for (const v of this.trainableVariables) v.dispose();
    this.rope.cos.dispose();
    this.rope.sin.dispose();
  }

  /** Final-normed hidden states [N·T, D] of [N, T] ids; with a cache, positions continue it. */
  private hidden(inputIds: tf.Tensor2D, cache?: KvCache): tf.Tensor2D {
    const { config, weights, project } = this;
    const [n, t] = inputIds.shape;
    const offset = cache?.length ?? 0;
    if (offset + t > config.seqLen) {
      throw new PrefoptError(
        'input',
        `sequence of ${offset + t} tokens is longer than the model's seqLen ${config.seqLen}; shorten the input.`,
      );
    }
    const { heads: h, kvHeads: kv } = config;
    const hd = config.headDim;
    const cos = tf.slice(this.rope.cos, [offset, 0], [t, hd]); // [T, hd]
    const sin = tf.slice(this.rope.sin, [offset, 0], [t, hd]); // [T, hd]
    const mask = causalMask(t, offset + t, offset, config.slidingWindow); // [T, offset + T]
    let x = gatherRows(weights.embedding as tf.Tensor2D, tf.reshape(inputIds, [n * t])); // [N·T, D]
    weights.layers.forEach((layer, l) => {
      const a = rmsNorm(x, layer.attnNorm as tf.Tensor1D, config.normEps); // [N·T, D]
      const lin = (name: ProjectionName, x: tf.Tensor2D, w: tf.Tensor, b?: tf.Tensor) =>
        linear(project, l, name, x, w, b); // [M, out]
      const q = applyRotary(tf.reshape(lin('q', a, layer.wq, layer.bq), [n, t, h, hd]), cos, sin); // [N, T, H, hd]
      let k = applyRotary(tf.reshape(lin('k', a, layer.wk, layer.bk), [n, t, kv, hd]), cos, sin); // [N, T, KV, hd]
      let v = tf.reshape(lin('v', a, layer.wv, layer.bv), [n, t, kv, hd]) as tf.Tensor4D; // [N, T, KV, hd]
      if (cache) [k, v] = cache.append(l, k, v); // [N, offset + T, KV, hd]
      x = tf.add(x, lin('o', attention(q, k, v, mask), layer.wo, layer.bo)); // [N·T, D]
      const normed = rmsNorm(x, layer.ffnNorm as tf.Tensor1D, config.normEps); // [N·T, D]
      x = tf.add(x, feedForward(normed, layer, l, project)); // [N·T, D]
    });
    if (cache) cache.length = offset + t;
    return rmsNorm(x, weights.finalNorm as tf.Tensor1D, config.normEps); // [N·T, D]
  }

  /** Output head: [M, D] → [M, V]; the tied head is the embedding, transposed explicitly. */
  private head(h: tf.Tensor2D): tf.Tensor2D {
    const w = this.weights.classifier ?? tf.transpose(this.weights.embedding); // [D, V]
    return this.project(-1, 'head', h, w as tf.Tensor2D); // [M, V]
  }
}
