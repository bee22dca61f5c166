import type { Interval } from '@prefopt/eval';
import { escapeXml } from './escapeXml';
import { formatBounds, formatValue } from './formatCell';
import { baselineCell, REPORT_COLUMNS, runCell, type ReportColumn } from './reportColumns';
import type { AblationSummary } from './RunSummary';

function td(
  col: ReportColumn,
  cell: { value: number | null; interval?: Interval } | undefined,
): string {
  if (!cell) return '<td>—</td>';
  const ci =
    cell.interval && cell.value !== null
      ? ` <span class="ci">${escapeXml(formatBounds(col, cell.interval))}</span>`
      : '';
  return `<td>${escapeXml(formatValue(col, cell.value))}${ci}</td>`;
}

/** The results as an HTML table: the columns of `REPORT_COLUMNS`, each value with its interval. */
export function htmlResultsTable(summary: AblationSummary): string {
  const head = ['run', ...REPORT_COLUMNS.map((c) => c.header)]
    .map((h, i) => {
      const tip = i === 0 ? '' : ` title="${escapeXml(REPORT_COLUMNS[i - 1].description)}"`;
      return `<th scope="col"${tip}>${escapeXml(h)}</th>`;
    })
    .join('');
  const rows: string[] = [];
  const b = summary.baseline;
  if (b) {
    const cells = REPORT_COLUMNS.map((c) => td(c, baselineCell(c, b))).join('');
    rows.push(
      `<tr class="baseline"><th scope="row">${escapeXml(`${b.name} (start)`)}</th>${cells}</tr>`,
    );
  }
  for (const r of summary.runs) {
    const cells = REPORT_COLUMNS.map((c) => td(c, runCell(c, r))).join('');
    rows.push(`<tr><th scope="row">${escapeXml(r.name)}</th>${cells}</tr>`);
  }
  return `<table class="results"><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}
