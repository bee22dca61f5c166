import { escapeXml } from './escapeXml';
import { formatTable } from './formatTable';
import { TABLE_LEGEND } from './tableLegend';
import type { RunMetrics } from './readMetrics';
import type { AblationSummary } from './RunSummary';
import { svgBarChart } from './svgBarChart';
import { svgLineChart, type LineSeries } from './svgLineChart';

const PALETTE = [
  '#1f77b4',
  '#d62728',
  '#2ca02c',
  '#ff7f0e',
  '#9467bd',
  '#8c564b',
  '#e377c2',
  '#17becf',
];

/** Exponential moving average, so noisy per-step curves stay readable (raw values are in metrics.jsonl). */
function smooth(points: [number, number][], keep = 0.8): [number, number][] {
  let ema: number | undefined;
  return points.map(([x, y]) => {
    ema = ema === undefined ? y : keep * ema + (1 - keep) * y;
    return [x, ema];
  });
}

const percent = (v: number): string => `${(100 * v).toFixed(0)}%`;

/**
 * The ablation report: one HTML file with inline SVG plots and the results table. It
 * opens from disk (no server, no CDN, no scripts).
 */
export function renderReportHtml(
  summary: AblationSummary,
  metrics: Readonly<Record<string, RunMetrics>>,
): string {
  const color = (i: number): string => PALETTE[i % PALETTE.length];
  const curve = (key: string, title: string, yLabel: string, relative = false): string => {
    const series: LineSeries[] = summary.runs.map((r, i) => {
      const rows = (metrics[r.name]?.steps ?? []).filter((row) => key in row);
      const scale = relative ? Math.max(...rows.map((row) => Math.abs(row[key])), 0) || 1 : 1;
      return {
        name: r.name,
        color: color(i),
        points: smooth(rows.map((row) => [row.step, row[key] / scale])),
      };
    });
    return svgLineChart({ title, xLabel: 'step', yLabel, series });
  };
  const bars = (pick: (r: AblationSummary['runs'][number]) => number | null) =>
    summary.runs.map((r, i) => ({ label: r.name, value: pick(r), color: color(i) }));
  const base = summary.baseline;
  const lengthBars = [
    ...(base ? [{ label: `${base.name} (start)`, value: base.meanGenLength, color: '#777' }] : []),
    ...bars((r) => r.meanGenLength),
  ];
  const charts = [
    curve(
      'loss',
      'Training loss ÷ its largest value (scales differ by objective; EMA 0.8)',
      'relative loss',
      true,
    ),
    curve('rewards/accuracies', 'Train reward accuracy (EMA 0.8)', 'accuracy'),
    curve('rewards/margins', 'Train reward margin (EMA 0.8)', 'margin'),
    curve('logps/chosen', 'Chosen log-prob, summed (EMA 0.8)', 'log p'),
    svgBarChart({
      title: 'Held-out reward accuracy',
      yLabel: 'accuracy',
      bars: bars((r) => r.heldoutAccuracy),
      format: percent,
      reference: 0.5,
    }),
    svgBarChart({
      title: 'Held-out accuracy where chosen is not longer',
      yLabel: 'accuracy',
      bars: bars((r) => r.heldoutAccuracyNotLonger),
      format: percent,
      reference: 0.5,
    }),
    svgBarChart({
      title: 'True-rule win rate vs start (greedy)',
      yLabel: 'win rate',
      bars: bars((r) => r.winRate),
      format: percent,
      reference: 0.5,
    }),
    svgBarChart({
      title: 'Mean generation length (tokens)',
      yLabel: 'tokens',
      bars: lengthBars,
      format: (v) => v.toFixed(1),
    }),
    svgBarChart({
      title: 'Median CPU time per step (ms)',
      yLabel: 'ms',
      bars: bars((r) => r.stepCpuMs),
      format: (v) => v.toFixed(0),
    }),
  ];
  const notes = summary.notes.map((n) => `<li>${escapeXml(n)}</li>`).join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeXml(summary.title)}</title>
<style>
body{font-family:system-ui,-apple-system,Segoe UI,Helvetica,Arial,sans-serif;margin:24px;color:#222;max-width:1100px}
h1{font-size:20px;margin:0 0 4px} .meta{color:#555;font-size:13px} code,pre{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12px}
pre{background:#f6f6f6;padding:10px;overflow-x:auto} .grid{display:flex;flex-wrap:wrap;gap:12px} .grid svg{border:1px solid #ddd;background:#fff}
</style></head><body>
<h1>${escapeXml(summary.title)}</h1>
<p class="meta">seed ${summary.seed} · backend ${escapeXml(summary.backend)} · ${escapeXml(summary.createdAt)}</p>
<p class="meta">command: <code>${escapeXml(summary.command)}</code></p>
${notes ? `<ul class="meta">${notes}</ul>` : ''}
<h2>Results</h2>
<pre>${escapeXml(formatTable(summary))}</pre>
<p class="meta">${escapeXml(TABLE_LEGEND)}</p>
<h2>Plots</h2>
<div class="grid">${charts.join('\n')}</div>
</body></html>
`;
}
