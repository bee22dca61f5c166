import type { Objective } from '@prefopt/core';

/** Plain-number form of a pair of [B] vectors (chosen, rejected). */
export interface PairNumbers {
  chosen: number[];
  rejected: number[];
}

/** Plain-number form of `ObjectiveInputs`, evaluated in float64 by a case's reference. */
export interface NumberInputs {
  policy: PairNumbers;
  reference?: PairNumbers;
  lengths: PairNumbers;
}

/** What a reference formula returns, in float64 JS numbers. */
export interface NumberOutput {
  loss: number;
  losses: number[];
  chosenRewards: number[];
  rejectedRewards: number[];
}

/**
 * One configuration of an objective checked by `describeObjective`.
 * `reference` is an independent float64 re-statement of the paper's formula (written in
 * the spec, not imported from the code under test): the suite compares values with it
 * and evaluates the central finite difference of the gradient on it.
 */
export interface ObjectiveCase {
  title: string;
  options?: Record<string, unknown>;
  reference: (inputs: NumberInputs) => NumberOutput;
  /** Moderate inputs for the value and gradient checks; a default batch of 3 otherwise. */
  inputs?: NumberInputs;
  /**
   * The loss as the gradient sees it, for the finite difference, when the objective
   * detaches a batch statistic (bco-pair's δ): the spec freezes that term at `inputs`.
   * Default: `reference(x).loss`.
   */
  gradientReference?: (x: NumberInputs) => number;
  /**
   * Why a float32 finite difference of `compute` itself cannot match autodiff (it moves
   * detached terms too); when set, that check is skipped with this reason.
   */
  skipSelfDifference?: string;
}

/** Anything that makes an Objective from options: a defineObjective factory, or a closure. */
export type AnyObjectiveFactory = ((options?: never) => Objective) & {
  readonly objectiveName?: string;
  readonly requiresReference?: boolean;
};
