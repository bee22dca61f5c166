import type { Scalar, Tensor1D } from '@tensorflow/tfjs-core';
import type { OptionValue } from './Objective';
import type { ObjectiveState, ObjectiveStateSpec } from './ObjectiveNeeds';

/**
 * Inputs of an objective trained on unpaired feedback (TRL's unpaired preference format:
 * prompt, completion, label): one completion per example, labelled desirable or not.
 */
export interface UnpairedInputs {
  /** Policy log-probs summed over each completion's tokens. */
  policy: Tensor1D; // [N]
  /** The same for the reference; present iff `requiresReference`. */
  reference?: Tensor1D; // [N]
  /** Completion token counts (float32, > 0). */
  lengths: Tensor1D; // [N]
  /** 1 where the completion is desirable (label true), 0 where undesirable. */
  labels: Tensor1D; // [N]
  /**
   * Log-probs of the mismatched (prompt_i, completion_{i−1 mod N}) sequences of the batch,
   * KTO's KL estimate; present iff `requiresKl`.
   */
  kl?: { policy: Tensor1D; reference: Tensor1D }; // [N] each
  /** Present iff `objective.state`. */
  state?: ObjectiveState;
}

export interface UnpairedOutput {
  /** What the optimiser minimises. */
  loss: Scalar;
  /** Per-example loss terms (weighted as the loss weights them). */
  losses: Tensor1D; // [N]
  /** Implicit reward of each example, for metrics only (no gradient). */
  rewards: Tensor1D; // [N]
  /** The batch's KL estimate, for metrics (KTO), no gradient. */
  kl?: Scalar;
  /** The state after this batch (stateful objectives only); no gradient. */
  state?: ObjectiveState;
}

/** An objective on unpaired feedback (KTO, BCO, AOT-unpaired). */
export interface UnpairedObjective {
  readonly name: string;
  readonly data: 'unpaired';
  readonly requiresReference: boolean;
  /** True: the batch carries KTO's mismatched-pair sequences (`inputs.kl`). */
  readonly requiresKl: boolean;
  readonly options: Readonly<Record<string, OptionValue>>;
  readonly state?: ObjectiveStateSpec;
  compute(inputs: UnpairedInputs): UnpairedOutput;
}
