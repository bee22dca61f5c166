import { escapeXml } from './escapeXml';
import { htmlResultsTable } from './htmlResultsTable';
import type { RunMetrics } from './readMetrics';
import { resultCharts } from './resultCharts';
import type { AblationSummary } from './RunSummary';
import { REPORT_COLUMNS } from './reportColumns';
import { intervalLegend, summaryIntervals, summarySeeds } from './tableLegend';
import { trainingCurves } from './trainingCurves';

const STYLE = `body{font-family:system-ui,-apple-system,Segoe UI,Helvetica,Arial,sans-serif;margin:24px;color:#222;max-width:1100px}
h1{font-size:20px;margin:0 0 4px} .meta{color:#555;font-size:13px} code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12px}
table.results{border-collapse:collapse;font-size:13px;font-variant-numeric:tabular-nums}
table.results th,table.results td{border-bottom:1px solid #ddd;padding:4px 8px;text-align:right;white-space:nowrap}
table.results th[scope=row]{text-align:left} table.results tr.baseline{color:#555} .ci{color:#666;font-size:11px}
.grid{display:flex;flex-wrap:wrap;gap:12px} figure{margin:0;max-width:520px} figure svg{border:1px solid #ddd;background:#fff}
figcaption{font-size:12px;color:#444;margin-top:4px} .scroll{overflow-x:auto}
dl.legend{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px} dl.legend dt{font-weight:600} dl.legend dd{margin:0}`;

/**
 * The ablation report: one HTML file with the results table and inline SVG plots. It
 * opens from disk (no server, no CDN, no scripts). The bar charts follow the table's
 * columns one for one (the LC win rate first); the training curves come after.
 */
export function renderReportHtml(
  summary: AblationSummary,
  metrics: Readonly<Record<string, readonly RunMetrics[]>>,
): string {
  const withIntervals = summaryIntervals(summary).length > 0;
  const figures = resultCharts(summary).map(({ column, svg }, i) => {
    const ci = withIntervals && column.runInterval ? ' Error bars: 95% intervals.' : '';
    return `<figure>${svg}<figcaption>Figure ${i + 1}. <b>${escapeXml(column.header)}</b>: ${escapeXml(column.description)}.${ci}</figcaption></figure>`;
  });
  const curves = trainingCurves(summary, metrics).map((svg) => `<figure>${svg}</figure>`);
  const notes = summary.notes.map((n) => `<li>${escapeXml(n)}</li>`).join('');
  const seeds = summarySeeds(summary);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeXml(summary.title)}</title>
<style>
${STYLE}
</style></head><body>
<h1>${escapeXml(summary.title)}</h1>
<p class="meta">seed${seeds.length === 1 ? '' : 's'} ${escapeXml(seeds.join(', '))} · backend ${escapeXml(summary.backend)} · ${escapeXml(summary.createdAt)}</p>
<p class="meta">command: <code>${escapeXml(summary.command)}</code></p>
${notes ? `<ul class="meta">${notes}</ul>` : ''}
<h2>Results</h2>
<div class="scroll">${htmlResultsTable(summary)}</div>
<p class="meta">${escapeXml(intervalLegend(summary))}</p>
<dl class="meta legend">${REPORT_COLUMNS.map((c) => `<dt>${escapeXml(c.header)}</dt><dd>${escapeXml(c.description)}</dd>`).join('')}</dl>
<h2>Figures (one per column of the table, in its order)</h2>
<div class="grid">${figures.join('\n')}</div>
<h2>Training curves (per step, from each run's metrics.jsonl)</h2>
<p class="meta">Each run has its own colour, dash pattern and marker. With several seeds a line is the mean over the seeds and the shaded band their range. The margin axis is logarithmic (symmetric log where a value is ≤ 0).</p>
<div class="grid">${curves.join('\n')}</div>
</body></html>
`;
}
