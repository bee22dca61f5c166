import type { Scalar, Tensor1D } from '@tensorflow/tfjs-core';
import type {
  ObjectiveNeeds,
  ObjectiveState,
  ObjectiveStateSpec,
  TokenInputs,
} from './ObjectiveNeeds';

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
  /** Per-token inputs; present iff `objective.needs.tokenLogps` (contract v2, opt-in). */
  tokens?: TokenInputs;
  /** The objective's carried state; present iff `objective.state` (contract v2, opt-in). */
  state?: ObjectiveState;
}

export interface ObjectiveOutput {
  /** What the optimiser minimises: mean of `losses` plus batch terms such as NLL. */
  loss: Scalar;
  /** Per-pair preference term. */
  losses: Tensor1D; // [B]
  /** Implicit rewards, for metrics only: they carry no gradient. */
  chosenRewards: Tensor1D; // [B]
  rejectedRewards: Tensor1D; // [B]
  /** The state after this batch (stateful objectives only); no gradient. */
  state?: ObjectiveState;
}

/** A preference objective: the trainer's only question to it is `requiresReference`. */
export interface Objective {
  readonly name: string;
  readonly requiresReference: boolean;
  /** The resolved options (defaults filled in), frozen. */
  readonly options: Readonly<Record<string, OptionValue>>;
  /** Opt-in inputs (contract v2): absent or {} means summed log-probs and lengths only. */
  readonly needs?: ObjectiveNeeds;
  /** Declared state carried between steps (contract v2): absent for pure objectives. */
  readonly state?: ObjectiveStateSpec;
  compute(inputs: ObjectiveInputs): ObjectiveOutput;
}

export type OptionValue = number | boolean | string;
