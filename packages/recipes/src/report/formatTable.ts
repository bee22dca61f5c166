import { baselineCell, REPORT_COLUMNS, runCell } from './reportColumns';
import { formatCell } from './formatCell';
import type { AblationSummary } from './RunSummary';
import { intervalLegend } from './tableLegend';

/** The run label and the cells of each row (the base model first), one cell per column. */
export function tableRows(summary: AblationSummary): { label: string; cells: string[] }[] {
  const rows: { label: string; cells: string[] }[] = [];
  const b = summary.baseline;
  if (b) {
    rows.push({
      label: `${b.name} (start)`,
      cells: REPORT_COLUMNS.map((c) => {
        const cell = baselineCell(c, b);
        return cell ? formatCell(c, cell.value, cell.interval) : '—';
      }),
    });
  }
  for (const r of summary.runs) {
    rows.push({
      label: r.name,
      cells: REPORT_COLUMNS.map((c) => {
        const cell = runCell(c, r);
        return formatCell(c, cell.value, cell.interval);
      }),
    });
  }
  return rows;
}

/**
 * The results table printed at the end of `prefopt ablate` / `prefopt demo`: the columns of
 * `REPORT_COLUMNS`, each figure with its interval, then a line on what the intervals are.
 */
export function formatTable(summary: AblationSummary): string {
  const header = ['run', ...REPORT_COLUMNS.map((c) => c.header)];
  const rows = tableRows(summary).map((r) => [r.label, ...r.cells]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]): string =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return (
    [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n') +
    '\n' +
    intervalLegend(summary)
  );
}
