import type { Scalar, Tensor1D } from '@tensorflow/tfjs-core';

/** Per-pair values for the chosen and the rejected completion. */
export interface PairLogps {
  chosen: Tensor1D; // [B]
  rejected: Tensor1D; // [B]
}

export interface ObjectiveInputs {
  /** Log-probs of the policy, summed over completion tokens. */
  policy: PairLogps; // [B] each
  /** The same for the reference model; present iff `objective.requiresReference`. */
  reference?: PairLogps; // [B] each
  /** Completion token counts (float32, > 0). */
  lengths: PairLogps; // [B] each
}

export interface ObjectiveOutput {
  /** What the optimiser minimises: mean of `losses` plus batch terms such as NLL. */
  loss: Scalar;
  /** Per-pair preference term. */
  losses: Tensor1D; // [B]
  /** Implicit rewards, for metrics only: they carry no gradient. */
  chosenRewards: Tensor1D; // [B]
  rejectedRewards: Tensor1D; // [B]
}

/** A preference objective: the trainer's only question to it is `requiresReference`. */
export interface Objective {
  readonly name: string;
  readonly requiresReference: boolean;
  /** The resolved options (defaults filled in), frozen. */
  readonly options: Readonly<Record<string, OptionValue>>;
  compute(inputs: ObjectiveInputs): ObjectiveOutput;
}

export type OptionValue = number | boolean | string;
