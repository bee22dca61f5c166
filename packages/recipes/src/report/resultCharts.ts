import { formatTick, formatValue } from './formatCell';
import { PALETTE } from './lineStyles';
import { baselineCell, REPORT_COLUMNS, runCell, type ReportColumn } from './reportColumns';
import type { AblationSummary } from './RunSummary';
import { svgBarChart, type Bar } from './svgBarChart';

const BASELINE_COLOR = '#777';

/** The bars of one column: the base model first (where the column has its value), then each run. */
export function columnBars(col: ReportColumn, summary: AblationSummary): Bar[] {
  const bars: Bar[] = [];
  const b = summary.baseline;
  const base = b ? baselineCell(col, b) : undefined;
  if (b && base) {
    bars.push({
      label: `${b.name} (start)`,
      value: base.value,
      color: BASELINE_COLOR,
      interval: base.interval,
    });
  }
  summary.runs.forEach((r, i) => {
    const cell = runCell(col, r);
    bars.push({
      label: r.name,
      value: cell.value,
      color: PALETTE[i % PALETTE.length],
      interval: cell.interval,
    });
  });
  return bars;
}

/**
 * One bar chart per column of `REPORT_COLUMNS`, in its order and under its name (the
 * first is the LC win rate, the second the raw win rate next to it), each with the 95%
 * intervals as error bars where the summary has them.
 */
export function resultCharts(summary: AblationSummary): { column: ReportColumn; svg: string }[] {
  return REPORT_COLUMNS.map((col) => ({
    column: col,
    svg: svgBarChart({
      title: `${col.header} — ${col.title}`,
      yLabel: col.axis.label,
      bars: columnBars(col, summary),
      format: (v) => formatValue(col, v),
      tickFormat: (v) => formatTick(col, v),
      scale: col.axis.scale === 'log' ? 'log' : col.unit === 'share' ? 'share' : 'linear',
      reference: col.axis.reference,
    }),
  }));
}
