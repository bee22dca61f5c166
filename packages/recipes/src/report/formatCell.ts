import type { Interval } from '@prefopt/eval';
import { formatPercent } from './formatPercent';
import type { ReportColumn } from './reportColumns';

/** A value in its column's unit: "84.5%", "0.493", "15.7"; '—' when not measured. */
export function formatValue(col: ReportColumn, v: number | null): string {
  if (v === null || !Number.isFinite(v)) return '—';
  return col.unit === 'share' ? formatPercent(v) : v.toFixed(col.digits ?? 2);
}

/** An interval's bounds in the column's unit, without the % sign: "[80.1, 88.7]". */
export function formatBounds(col: ReportColumn, i: Interval): string {
  const f = (v: number): string =>
    col.unit === 'share' ? formatPercent(v, '') : v.toFixed(col.digits ?? 2);
  return `[${f(i.low)}, ${f(i.high)}]`;
}

/** A table cell: the value, then its interval where there is one ("84.5% [80.1, 88.7]"). */
export function formatCell(col: ReportColumn, v: number | null, interval?: Interval): string {
  const text = formatValue(col, v);
  return interval && v !== null ? `${text} ${formatBounds(col, interval)}` : text;
}

/** An axis tick: round values without trailing zeros ("50%", "0.1", "1e+3"). */
export function formatTick(col: Pick<ReportColumn, 'unit'>, v: number): string {
  if (col.unit === 'share') return `${Number((100 * v).toPrecision(6))}%`;
  if (v === 0) return '0';
  const a = Math.abs(v);
  return a >= 10000 || a < 0.001 ? v.toExponential(0) : String(Number(v.toPrecision(4)));
}
