import type * as tf from '@tensorflow/tfjs-core';
import type { CausalLM, PreferenceBatch, SequenceLogpsResult } from '@prefopt/core';
import { plainProjection, type LlamaModel } from '@prefopt/model';
import type { LoraAdapters } from './LoraAdapters';
import { loraProjection } from './loraProjection';

/**
 * A Llama model with LoRA adapters, behind the same `CausalLM` contract: the forward adds
 * the adapters' low-rank updates, `trainableVariables` are the adapters' A and B only (the
 * base's variables are marked non-trainable and get no gradient), and `adaptersOff()` is the
 * base model itself, sharing its weights. It owns the base and the adapters: `dispose()` frees both.
 */
export class LoraModel implements CausalLM {
  readonly vocabSize: number;
  readonly maxSeqLen: number;
  readonly trainableVariables: readonly tf.Variable[];
  private readonly adapted: LlamaModel;

  constructor(
    readonly base: LlamaModel,
    readonly adapters: LoraAdapters,
  ) {
    this.vocabSize = base.vocabSize;
    this.maxSeqLen = base.maxSeqLen;
    for (const v of base.trainableVariables) v.trainable = false;
    this.trainableVariables = adapters.variables();
    this.adapted = base.withProjection(loraProjection(adapters));
  }

  logits(inputIds: tf.Tensor2D): tf.Tensor3D {
    return this.adapted.logits(inputIds); // [N, T, V]
  }

  tokenLogps(inputIds: tf.Tensor2D): tf.Tensor2D {
    return this.adapted.tokenLogps(inputIds); // [N, T−1]
  }

  pairTokenLogps(batch: PreferenceBatch): tf.Tensor2D {
    return this.adapted.pairTokenLogps(batch); // [2B, T−1]
  }

  sequenceLogps(batch: PreferenceBatch): SequenceLogpsResult {
    return this.adapted.sequenceLogps(batch);
  }

  /** The base with no adapter: a view over the same variables (disposing it frees none). */
  adaptersOff(): LlamaModel {
    return this.base.withProjection(plainProjection);
  }

  dispose(): void {
    this.adapted.dispose();
    this.adapters.dispose();
    this.base.dispose();
  }
}
