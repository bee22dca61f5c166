import type { Interval } from '@prefopt/eval';
import type { BaselineSummary, RunMetricName, RunSummary } from './RunSummary';

/**
 * One figure of the report. The printed table, the HTML table and the bar charts are all
 * drawn from `REPORT_COLUMNS`, so they show the same figures in the same order under the
 * same names.
 */
export interface ReportColumn {
  /** The column's name: table header and the start of its chart's title. */
  header: string;
  /** A few words after the header in its chart's title ("LC win vs start — length-controlled win rate"). */
  title: string;
  /** What it measures, for the legend and the chart title. */
  description: string;
  /** 'share': a fraction in [0, 1] shown as a percentage; 'number': `digits` decimals. */
  unit: 'share' | 'number';
  digits?: number;
  /** The value axis of its chart: units in words, scale, a dashed reference line. */
  axis: { label: string; scale: 'linear' | 'log'; reference?: number };
  run: (r: RunSummary) => number | null | undefined;
  /** Which of `RunSummary.intervals` belongs to it. */
  runInterval?: RunMetricName;
  /** The base model's value, where it has one (a grey bar first in the chart). */
  baseline?: (b: BaselineSummary) => number | null;
  baselineInterval?: keyof NonNullable<BaselineSummary['intervals']>;
}

export const REPORT_COLUMNS: readonly ReportColumn[] = [
  {
    header: 'LC win vs start',
    title: 'length-controlled win rate',
    description:
      'length-controlled win rate against the start model (AlpacaEval 2: the judgement regressed on the length difference, predicted at equal length)',
    unit: 'share',
    axis: { label: 'LC win rate (%)', scale: 'linear', reference: 0.5 },
    run: (r) => r.lcWinRate,
    runInterval: 'lcWinRate',
  },
  {
    header: 'win vs start',
    title: 'raw win rate',
    description:
      'win rate of greedy held-out generations against the start model, judged by the annotator (ties ½)',
    unit: 'share',
    axis: { label: 'win rate (%)', scale: 'linear', reference: 0.5 },
    run: (r) => r.winRate,
    runInterval: 'winRate',
  },
  {
    header: 'acc',
    title: 'held-out reward accuracy',
    description: 'held-out reward accuracy (the implicit reward ranks chosen over rejected)',
    unit: 'share',
    axis: { label: 'accuracy (%)', scale: 'linear', reference: 0.5 },
    run: (r) => r.heldoutAccuracy,
    runInterval: 'heldoutAccuracy',
  },
  {
    header: 'acc c≤r',
    title: 'accuracy where chosen is not longer',
    description: 'the same on held-out pairs whose chosen response is not longer than the rejected',
    unit: 'share',
    axis: { label: 'accuracy (%)', scale: 'linear', reference: 0.5 },
    run: (r) => r.heldoutAccuracyNotLonger,
    runInterval: 'heldoutAccuracyNotLonger',
  },
  {
    header: 'margin',
    title: 'held-out reward margin',
    description:
      'held-out mean reward margin, chosen minus rejected (each objective its own reward scale)',
    unit: 'number',
    digits: 3,
    axis: { label: 'reward margin', scale: 'log' },
    run: (r) => r.heldoutMargin,
    runInterval: 'heldoutMargin',
  },
  {
    header: 'rule',
    title: 'rule pass rate of generations',
    description: 'share of greedy held-out generations that pass the rule',
    unit: 'share',
    axis: { label: 'rule pass rate (%)', scale: 'linear' },
    run: (r) => r.ruleRate,
    runInterval: 'ruleRate',
    baseline: (b) => b.ruleRate,
    baselineInterval: 'ruleRate',
  },
  {
    header: 'gen len',
    title: 'mean generation length',
    description: 'mean generated completion length',
    unit: 'number',
    digits: 1,
    axis: { label: 'tokens', scale: 'linear' },
    run: (r) => r.meanGenLength,
    runInterval: 'meanGenLength',
    baseline: (b) => b.meanGenLength,
    baselineInterval: 'meanGenLength',
  },
  {
    header: 'step ms',
    title: 'median wall time per step',
    description: 'median wall-clock time of an optimiser step',
    unit: 'number',
    digits: 0,
    axis: { label: 'ms', scale: 'linear' },
    run: (r) => r.stepMs,
  },
  {
    header: 'cpu ms',
    title: 'median CPU time per step',
    description: 'median CPU time of a step (all threads)',
    unit: 'number',
    digits: 0,
    axis: { label: 'ms', scale: 'linear' },
    run: (r) => r.stepCpuMs,
  },
  {
    header: 'RSS MiB',
    title: 'peak memory',
    description: "peak resident memory of the run's process",
    unit: 'number',
    digits: 0,
    axis: { label: 'MiB', scale: 'linear' },
    run: (r) => r.peakRssMiB,
  },
  {
    header: 'wall s',
    title: 'wall time of the run',
    description: 'whole run: model load, training, evaluation',
    unit: 'number',
    digits: 1,
    axis: { label: 's', scale: 'linear' },
    run: (r) => r.wallSec,
    baseline: (b) => b.wallSec,
  },
];

/** A column's value and interval for a run (null: not measured). */
export function runCell(
  col: ReportColumn,
  r: RunSummary,
): { value: number | null; interval?: Interval } {
  const v = col.run(r);
  return {
    value: v === undefined || v === null || !Number.isFinite(v) ? null : v,
    interval: col.runInterval ? r.intervals?.[col.runInterval] : undefined,
  };
}

/** A column's value and interval for the base model; undefined where it has none. */
export function baselineCell(
  col: ReportColumn,
  b: BaselineSummary,
): { value: number | null; interval?: Interval } | undefined {
  if (!col.baseline) return undefined;
  const v = col.baseline(b);
  return {
    value: v === null || !Number.isFinite(v) ? null : v,
    interval: col.baselineInterval ? b.intervals?.[col.baselineInterval] : undefined,
  };
}
