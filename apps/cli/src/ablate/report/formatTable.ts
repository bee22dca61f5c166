import type { AblationSummary } from './RunSummary';

const fmt = (v: number | null, digits: number, suffix = ''): string =>
  v === null || !Number.isFinite(v) ? '—' : `${v.toFixed(digits)}${suffix}`;

const pct = (v: number | null): string => (v === null ? '—' : `${(100 * v).toFixed(1)}%`);

/** The results table printed at the end of `prefopt ablate` / `prefopt demo`. */
export function formatTable(summary: AblationSummary): string {
  const header = [
    'run',
    'acc',
    'acc c≤r',
    'margin',
    'win vs start',
    'rule',
    'gen len',
    'step ms',
    'cpu ms',
    'RSS MiB',
    'wall s',
  ];
  const rows: string[][] = [];
  if (summary.baseline) {
    const b = summary.baseline;
    rows.push([
      `${b.name} (start)`,
      '—',
      '—',
      '—',
      '—',
      pct(b.ruleRate),
      fmt(b.meanGenLength, 1),
      '—',
      '—',
      '—',
      fmt(b.wallSec, 1),
    ]);
  }
  for (const r of summary.runs) {
    rows.push([
      r.name,
      pct(r.heldoutAccuracy),
      pct(r.heldoutAccuracyNotLonger),
      fmt(r.heldoutMargin, 3),
      pct(r.winRate),
      pct(r.ruleRate),
      fmt(r.meanGenLength, 1),
      fmt(r.stepMs, 0),
      fmt(r.stepCpuMs, 0),
      fmt(r.peakRssMiB, 0),
      fmt(r.wallSec, 1),
    ]);
  }
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]): string =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return (
    [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n') + '\n'
  );
}
