import type { Interval } from '@prefopt/eval';

export interface EvalRow {
  model: string;
  n: number;
  winRate: Interval;
  lcWinRate: Interval;
  lengthCoefficient: number;
  meanTokens: number;
  baselineMeanTokens: number;
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const withInterval = (i: Interval) => `${pct(i.value)} [${pct(i.low)}, ${pct(i.high)}]`;

/** The table `prefopt eval` prints: one row per model, intervals in brackets. */
export function formatEvalTable(rows: readonly EvalRow[]): string {
  const header = [
    'model',
    'prompts',
    'win rate (95% CI)',
    'LC win rate (95% CI)',
    'φ length',
    'gen len',
    'base len',
  ];
  const body = rows.map((r) => [
    r.model,
    String(r.n),
    withInterval(r.winRate),
    withInterval(r.lcWinRate),
    r.lengthCoefficient.toFixed(2),
    r.meanTokens.toFixed(1),
    r.baselineMeanTokens.toFixed(1),
  ]);
  const widths = header.map((h, c) => Math.max(h.length, ...body.map((b) => b[c].length)));
  const line = (cells: string[]) =>
    cells.map((s, c) => (c === 0 ? s.padEnd(widths[c]) : s.padStart(widths[c]))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}
