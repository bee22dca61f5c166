import type { Tensor2D, Tensor3D, Variable } from '@tensorflow/tfjs-core';
import type { PreferenceBatch } from '../data/PreferenceBatch';
import type { PairLogps } from '../objective/Objective';

/** Summed completion log-probs and completion token counts of a PreferenceBatch. */
export interface SequenceLogpsResult {
  logps: PairLogps; // [B] each: Σ_t mask · log p(x_t | x_<t)
  lengths: PairLogps; // [B] each: Σ_t mask (float32)
}

/** What the trainer needs from a causal language model. */
export interface CausalLM {
  readonly vocabSize: number;
  /** Longest sequence the model accepts (rotary table size / context). */
  readonly maxSeqLen: number;
  readonly trainableVariables: readonly Variable[];
  /** Next-token logits for every position. */
  logits(inputIds: Tensor2D): Tensor3D; // [N, T] int32 → [N, T, V]
  /** Chosen and rejected in ONE forward pass over the 2B rows of the batch. */
  sequenceLogps(batch: PreferenceBatch): SequenceLogpsResult;
  /**
   * Optional (contract v2): log p(x_t | x_<t) for t = 1 … T−1 of every row, [N, T] → [N, T−1],
   * for objectives that declare per-token needs. Without it the trainer derives them from `logits`.
   */
  tokenLogps?(inputIds: Tensor2D): Tensor2D;
  /**
   * Optional: `tokenLogps` of a batch's 2B rows, [2B, T−1] — the same values, free to run the
   * prompt that chosen and rejected share once per pair. The trainer prefers it when present.
   */
  pairTokenLogps?(batch: PreferenceBatch): Tensor2D;
  /**
   * Present on adapter models (LoRA): the same base weights with the adapters disabled, as a
   * view that shares them (its `dispose()` frees no weight). The trainer's "adapters off"
   * reference: DPO's reference without a second copy of the model.
   */
  adaptersOff?(): CausalLM;
  /**
   * Optional: a frozen reference, the weights as they are now in new variables marked
   * non-trainable (no optimiser or gradient reaches them), as a model of the same class that
   * owns them (its `dispose()` frees them). The trainer's "frozen copy" reference strategy.
   */
  frozenCopy?(): CausalLM;
  /** Optional: the trainable variables keyed by readable names (`layers.0.wq`), for messages. */
  namedVariables?(): ReadonlyMap<string, Variable>;
  dispose(): void;
}
