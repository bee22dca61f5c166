import type { OptionValue } from '@prefopt/core';
import type { TrainerOverrides } from '../grid/trainerAxes';

/** One run of an ablation (or the demo), as `<out>/summary.json` lists it. */
export interface RunSummary {
  /** Unique label: 'simpo', 'simpo-no-ln', 'simpo-gamma0', 'dpo', ... */
  name: string;
  objective: string;
  /** The objective's resolved options. */
  options: Record<string, OptionValue>;
  /** Trainer settings the grid swept for this run (lr, steps, batchSize, warmupRatio, seed). */
  training?: TrainerOverrides;
  steps: number;
  /** Held-out share of pairs whose implicit reward ranks chosen over rejected. */
  heldoutAccuracy: number | null;
  /**
   * The same accuracy on the held-out pairs whose chosen response is not longer than the
   * rejected one: there a learned preference for length cannot help, only the true rule.
   */
  heldoutAccuracyNotLonger: number | null;
  /** Held-out mean of chosen minus rejected implicit reward. */
  heldoutMargin: number | null;
  /** True-rule win rate of greedy generations against the base (SFT) model; ties count ½. */
  winRate: number | null;
  /** Share of greedy held-out generations that pass the rule. */
  ruleRate: number | null;
  /** Mean generated completion length in tokens (greedy, held-out prompts). */
  meanGenLength: number | null;
  /** Median optimiser step time (wall clock). */
  stepMs: number;
  /** Median CPU time of a step (user + system, all threads): robust to other load on the machine. */
  stepCpuMs: number;
  /** Peak resident memory of the run's process. */
  peakRssMiB: number;
  /** Whole run: model load, training, evaluation. */
  wallSec: number;
  /** Where the per-step metrics are, relative to the ablation's out folder. */
  metricsFile: string;
}

/** The base model (SFT) the runs start from, evaluated the same way. */
export interface BaselineSummary {
  name: string;
  ruleRate: number | null;
  meanGenLength: number | null;
  wallSec: number;
}

/** What `<out>/summary.json` holds. */
export interface AblationSummary {
  title: string;
  /** The command line that reproduces it. */
  command: string;
  seed: number;
  backend: string;
  createdAt: string;
  baseline: BaselineSummary | null;
  runs: RunSummary[];
  /** Free-form facts about the data (pairs, length bias). */
  notes: string[];
}
