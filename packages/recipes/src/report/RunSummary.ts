import type { OptionValue } from '@prefopt/core';
import type { Interval } from '@prefopt/eval';
import type { TrainerOverrides } from '../grid/trainerAxes';

/** The figures of a run that get a mean over seeds and a 95% bootstrap interval. */
export type RunMetricName =
  | 'heldoutAccuracy'
  | 'heldoutAccuracyNotLonger'
  | 'heldoutMargin'
  | 'winRate'
  | 'lcWinRate'
  | 'ruleRate'
  | 'meanGenLength';

/**
 * One run of an ablation (or the demo), as `<out>/summary.json` lists it. With several
 * seeds a run is trained once per seed; its numeric figures are then means over the seeds
 * and `intervals` gives each one's 95% bootstrap interval over prompts (or pairs) and seeds.
 */
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
  /**
   * Length-controlled win rate against the base model (AlpacaEval 2's estimator,
   * `lengthControlledWinRate` of @prefopt/eval); null where it cannot be fitted.
   */
  lcWinRate?: number | null;
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
  /**
   * With several seeds: each seed's metrics.jsonl (relative to the out folder), for the
   * training curves' mean over seeds and its seed band; absent: `metricsFile` alone.
   */
  metricsFiles?: string[];
  /** The seeds this run was trained with, one training per seed (absent: `seed` of the summary). */
  seeds?: number[];
  /** 95% bootstrap intervals (`value` = the mean above) per figure; absent for one seed. */
  intervals?: Partial<Record<RunMetricName, Interval>>;
}

/** The base model (SFT) the runs start from, evaluated the same way. */
export interface BaselineSummary {
  name: string;
  ruleRate: number | null;
  meanGenLength: number | null;
  wallSec: number;
  /** 95% bootstrap intervals over prompts (and seeds, where the base differs per seed). */
  intervals?: Partial<Record<'ruleRate' | 'meanGenLength', Interval>>;
}

/** What `<out>/summary.json` holds. */
export interface AblationSummary {
  title: string;
  /** The command line that reproduces it. */
  command: string;
  seed: number;
  /** All seeds of a `--seeds N` run (seed, seed+1, ...); absent for one seed. */
  seeds?: number[];
  backend: string;
  createdAt: string;
  baseline: BaselineSummary | null;
  runs: RunSummary[];
  /** Free-form facts about the data (pairs, length bias). */
  notes: string[];
}
