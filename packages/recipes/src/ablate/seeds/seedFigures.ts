import { PrefoptError } from '@prefopt/core';
import {
  bootstrapInterval,
  lengthControlledWinRate,
  type Interval,
  type Judgement,
} from '@prefopt/eval';
import type { Generation, JobResult, PairResult } from '../AblationJob';
import type { RunMetricName } from '../../report/RunSummary';

/** One seed's trained run and the baseline its generations are judged against. */
export interface SeedOutcome {
  seed: number;
  result: Pick<JobResult, 'generations' | 'pairResults'>;
  baseline: Pick<JobResult, 'generations'>;
}

/** A run's figures over its seeds: each a mean (null where not measured) and its interval. */
export interface SeedFigures {
  values: Record<RunMetricName, number | null>;
  intervals: Partial<Record<RunMetricName, Interval>>;
}

/** One (seed, prompt) cell: the run's generation judged against the baseline's. */
interface PromptCell {
  score: number | null;
  tokens: number;
  judgement: Judgement | null;
}

/** Resamples of every bootstrap; its seed is fixed, so a summary is reproducible. */
export const BOOTSTRAP = { samples: 1000, level: 0.95, seed: 0 } as const;

/**
 * Mean and 95% percentile bootstrap interval of every figure of one run over its seeds.
 * The units resampled are (seed, held-out pair) cells for the reward figures and
 * (seed, prompt) cells for the generation figures: the figure is the mean over all cells
 * (with equal cells per seed, the mean of the per-seed figures); the LC win rate is
 * AlpacaEval 2's estimator (`lengthControlledWinRate`) fitted on all cells' judgements
 * (rule score against the baseline's, lengths in generated tokens).
 */
export function seedFigures(outcomes: readonly SeedOutcome[]): SeedFigures {
  const pairs: PairResult[] = outcomes.flatMap((o) => o.result.pairResults ?? []);
  const notLonger = pairs.filter((p) => p.chosenNotLonger);
  const cells = outcomes.flatMap((o) => promptCells(o.result.generations, o.baseline.generations));
  const values: SeedFigures['values'] = {
    heldoutAccuracy: null,
    heldoutAccuracyNotLonger: null,
    heldoutMargin: null,
    winRate: null,
    lcWinRate: null,
    ruleRate: null,
    meanGenLength: null,
  };
  const intervals: SeedFigures['intervals'] = {};
  const put = (name: RunMetricName, n: number, statistic: (idx: readonly number[]) => number) => {
    if (n === 0) return;
    const interval = bootstrapInterval(n, statistic, BOOTSTRAP);
    values[name] = interval.value;
    intervals[name] = interval;
  };
  const meanOf =
    <T>(items: readonly T[], f: (t: T) => number) =>
    (idx: readonly number[]) =>
      idx.reduce((a, i) => a + f(items[i]), 0) / idx.length;
  put(
    'heldoutAccuracy',
    pairs.length,
    meanOf(pairs, (p) => (p.correct ? 1 : 0)),
  );
  put(
    'heldoutAccuracyNotLonger',
    notLonger.length,
    meanOf(notLonger, (p) => (p.correct ? 1 : 0)),
  );
  put(
    'heldoutMargin',
    pairs.length,
    meanOf(pairs, (p) => p.margin),
  );
  put(
    'meanGenLength',
    cells.length,
    meanOf(cells, (c) => c.tokens),
  );
  if (cells.length > 0 && cells.every((c) => c.score !== null))
    put(
      'ruleRate',
      cells.length,
      meanOf(cells, (c) => c.score!),
    );
  if (cells.length > 0 && cells.every((c) => c.judgement !== null)) {
    const judged = cells.map((c) => c.judgement!);
    put(
      'winRate',
      judged.length,
      meanOf(judged, (j) => j.preference),
    );
    put(
      'lcWinRate',
      judged.length,
      (idx) => lengthControlledWinRate(idx.map((i) => judged[i])).lcWinRate,
    );
  }
  return { values, intervals };
}

/** Mean and interval of the baseline's rule rate and generation length over its (seed, prompt) cells. */
export function baselineFigures(baselines: readonly Pick<JobResult, 'generations'>[]): {
  values: { ruleRate: number | null; meanGenLength: number | null };
  intervals: Partial<Record<'ruleRate' | 'meanGenLength', Interval>>;
} {
  const gens = baselines.flatMap((b) => b.generations);
  const out = {
    values: { ruleRate: null as number | null, meanGenLength: null as number | null },
    intervals: {} as Partial<Record<'ruleRate' | 'meanGenLength', Interval>>,
  };
  if (gens.length === 0) return out;
  const mean = (f: (g: Generation) => number) => (idx: readonly number[]) =>
    idx.reduce((a, i) => a + f(gens[i]), 0) / idx.length;
  out.intervals.meanGenLength = bootstrapInterval(
    gens.length,
    mean((g) => g.tokens),
    BOOTSTRAP,
  );
  out.values.meanGenLength = out.intervals.meanGenLength.value;
  if (gens.every((g) => g.score !== null)) {
    out.intervals.ruleRate = bootstrapInterval(
      gens.length,
      mean((g) => g.score!),
      BOOTSTRAP,
    );
    out.values.ruleRate = out.intervals.ruleRate.value;
  }
  return out;
}

function promptCells(run: readonly Generation[], base: readonly Generation[]): PromptCell[] {
  const comparable = run.length === base.length;
  return run.map((g, i) => {
    if (comparable && g.prompt !== base[i].prompt) {
      throw new PrefoptError(
        'input',
        `seed figures: generation ${i} answers '${g.prompt}' but the baseline's answers '${base[i].prompt}'.`,
      );
    }
    const b = comparable ? base[i] : undefined;
    const judged = b !== undefined && g.score !== null && b.score !== null;
    return {
      score: g.score,
      tokens: g.tokens,
      judgement: judged
        ? {
            preference: g.score! > b.score! ? 1 : g.score === b.score ? 0.5 : 0,
            modelLength: g.tokens,
            baselineLength: b.tokens,
          }
        : null,
    };
  });
}
