import type { Interval } from '@prefopt/eval';
import type { AblationSummary, RunMetricName } from '../report/RunSummary';

/** Under the table when it shows intervals. */
export const SEED_TABLE_LEGEND =
  'a ± b: mean over the seeds ± half the width of its 95% bootstrap interval over (seed, prompt) ' +
  'or (seed, pair) cells; LC win: length-controlled win rate vs start (AlpacaEval 2).\n';

type Row = {
  values: Partial<Record<RunMetricName, number | null>>;
  intervals?: Partial<Record<RunMetricName, Interval>>;
};

/**
 * The table printed at the end of `prefopt ablate` / `prefopt demo`: every figure as
 * "mean ± half-width" where summary.json has its interval, else the plain value.
 */
export function formatSeedTable(summary: AblationSummary): string {
  const header = [
    'run',
    'acc',
    'acc c≤r',
    'margin',
    'LC win',
    'win vs start',
    'rule',
    'gen len',
    'step ms',
    'cpu ms',
    'RSS MiB',
    'wall s',
  ];
  const cell = (row: Row, name: RunMetricName, kind: 'pct' | 'num', digits = 1): string => {
    const v = row.values[name];
    if (v === null || v === undefined || !Number.isFinite(v)) return '—';
    const scale = kind === 'pct' ? 100 : 1;
    const unit = kind === 'pct' ? '%' : '';
    const interval = row.intervals?.[name];
    const half = interval ? (scale * (interval.high - interval.low)) / 2 : undefined;
    return half === undefined
      ? `${(scale * v).toFixed(digits)}${unit}`
      : `${(scale * v).toFixed(digits)} ± ${half.toFixed(digits)}${unit}`;
  };
  const plain = (v: number | null | undefined, digits: number) =>
    v === null || v === undefined || !Number.isFinite(v) ? '—' : v.toFixed(digits);
  const rows: string[][] = [];
  if (summary.baseline) {
    const b = summary.baseline;
    const row: Row = {
      values: { ruleRate: b.ruleRate, meanGenLength: b.meanGenLength },
      intervals: b.intervals,
    };
    rows.push([
      `${b.name} (start)`,
      '—',
      '—',
      '—',
      '—',
      '—',
      cell(row, 'ruleRate', 'pct'),
      cell(row, 'meanGenLength', 'num'),
      '—',
      '—',
      '—',
      plain(b.wallSec, 1),
    ]);
  }
  for (const r of summary.runs) {
    const row: Row = { values: r, intervals: r.intervals };
    rows.push([
      r.name,
      cell(row, 'heldoutAccuracy', 'pct'),
      cell(row, 'heldoutAccuracyNotLonger', 'pct'),
      cell(row, 'heldoutMargin', 'num', 3),
      cell(row, 'lcWinRate', 'pct'),
      cell(row, 'winRate', 'pct'),
      cell(row, 'ruleRate', 'pct'),
      cell(row, 'meanGenLength', 'num'),
      plain(r.stepMs, 0),
      plain(r.stepCpuMs, 0),
      plain(r.peakRssMiB, 0),
      plain(r.wallSec, 1),
    ]);
  }
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]): string =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return (
    [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n') + '\n'
  );
}
