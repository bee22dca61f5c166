import * as tf from '@tensorflow/tfjs-core';
import { leverEnabled, PrefoptError } from '@prefopt/core';
import type { CausalLM, PreferenceBatch, SequenceLogpsResult } from '@prefopt/core';
import type { ModelConfig } from '../config/ModelConfig';
import { modelVariables } from '../checkpoint/modelVariables';
import { rotaryTables, type RotaryTables } from '../ops/rotaryTables';
import type { KvCache } from './KvCache';
import { layerStack, type KvExtend, type StackParts } from './layerStack';
import type { LlamaWeights } from './LlamaWeights';
import { buildWeights } from './buildWeights';
import { pairTargetLogps } from './pairForward';
import { plainProjection, type Projection } from './Projection';
import { completionSpan } from './sharedPrefix';
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

  /**
   * Summed completion log-probs of the 2B rows. The prompt's forward runs once per pair
   * where chosen and rejected share it (lever `prefix-sharing`), and the head runs only on
   * the positions that predict completion tokens (lever `completion-only-logits`): see
   * `pairTargetLogps`.
   */
  sequenceLogps(batch: PreferenceBatch): SequenceLogpsResult {
    validateBatch(batch, this.vocabSize, this.maxSeqLen);
    const { size: b, seqLen: t } = batch;
    const lengths = new Float32Array(2 * b);
    for (let r = 0; r < 2 * b; r++) {
      for (let j = 1; j < t; j++) lengths[r] += batch.completionMask[r * t + j];
    }
    const { from, to } = leverEnabled('completion-only-logits')
      ? completionSpan(batch)
      : { from: 1, to: t - 1 };
    return tf.tidy(() => {
      const logps = pairTargetLogps(this.parts(), (h) => this.head(h), batch, from, to); // [2B, to−from+1]
      const mask = tf.slice(
        tf.tensor2d(batch.completionMask, [2 * b, t]),
        [0, from],
        [2 * b, to - from + 1],
      ); // [2B, to−from+1]
      const sums = tf.sum(tf.mul(logps, mask), 1) as tf.Tensor1D; // [2B]
      const counts = tf.tensor1d(lengths); // [2B]
      return {
        logps: { chosen: tf.slice(sums, 0, b), rejected: tf.slice(sums, b, b) },
        lengths: { chosen: tf.slice(counts, 0, b), rejected: tf.slice(counts, b, b) },
      };
    });
  }

  /**
   * `tokenLogps` of the batch's 2B rows ([2B, T−1], every position), with the prompt's
   * forward run once per pair where the rows share it (lever `prefix-sharing`).
   */
  pairTokenLogps(batch: PreferenceBatch): tf.Tensor2D {
    validateBatch(batch, this.vocabSize, this.maxSeqLen);
    const t = batch.seqLen;
    return pairTargetLogps(this.parts(), (h) => this.head(h), batch, 1, t - 1); // [2B, T−1]
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
    const t = inputIds.shape[1];
    const offset = cache?.length ?? 0;
    if (offset + t > this.config.seqLen) {
      throw new PrefoptError(
        'input',
        `sequence of ${offset + t} tokens is longer than the model's seqLen ${this.config.seqLen}; shorten the input.`,
      );
    }
    const extend: KvExtend | undefined = cache && ((l, k, v) => cache.append(l, k, v));
    const out = layerStack(this.parts(), inputIds, offset, { extend })!; // [N·T, D]
    if (cache) cache.length = offset + t;
    return out;
  }

  private parts(): StackParts {
    return { config: this.config, weights: this.weights, project: this.project, rope: this.rope };
  }

  /** Output head: [M, D] → [M, V]; the tied head is the embedding, transposed explicitly. */
  private head(h: tf.Tensor2D): tf.Tensor2D {
    const w = this.weights.classifier ?? tf.transpose(this.weights.embedding); // [D, V]
    return this.project(-1, 'head', h, w as tf.Tensor2D); // [M, V]
  }
}
