import { lineStyle } from './lineStyles';
import type { RunMetrics } from './readMetrics';
import type { AblationSummary } from './RunSummary';
import { seedBand } from './seedBand';
import { svgLineChart, type LineSeries } from './svgLineChart';

/** Exponential moving average, so noisy per-step curves stay readable (raw values are in metrics.jsonl). */
export function smooth(points: [number, number][], keep = 0.8): [number, number][] {
  let ema: number | undefined;
  return points.map(([x, y]) => {
    ema = ema === undefined ? y : keep * ema + (1 - keep) * y;
    return [x, ema];
  });
}

/**
 * The per-step curves of every run from its metrics.jsonl files, one style (colour, dash,
 * marker) per run; with several seeds the line is their mean and a shaded band their range.
 */
export function trainingCurves(
  summary: AblationSummary,
  metrics: Readonly<Record<string, readonly RunMetrics[]>>,
): string[] {
  const curve = (
    key: string,
    title: string,
    yLabel: string,
    opts: { relative?: boolean; scale?: 'linear' | 'log' } = {},
  ): string => {
    const series: LineSeries[] = summary.runs.map((r, i) => {
      const perSeed = (metrics[r.name] ?? []).map((m) => {
        const rows = m.steps.filter((row) => key in row);
        const scale = opts.relative
          ? Math.max(...rows.map((row) => Math.abs(row[key])), 0) || 1
          : 1;
        return smooth(rows.map((row) => [row.step, row[key] / scale]));
      });
      const { mean, band } = seedBand(perSeed);
      return { name: r.name, style: lineStyle(i), points: mean, band };
    });
    return svgLineChart({ title, xLabel: 'optimiser step', yLabel, series, scale: opts.scale });
  };
  return [
    curve('rewards/margins', 'Train reward margin (EMA 0.8)', 'margin (reward units)', {
      scale: 'log',
    }),
    curve('rewards/accuracies', 'Train reward accuracy (EMA 0.8)', 'accuracy (fraction of batch)'),
    curve('loss', 'Training loss ÷ its largest value (EMA 0.8)', 'relative loss (1 = max)', {
      relative: true,
    }),
    curve('logps/chosen', 'Chosen log-prob, summed (EMA 0.8)', 'log p (nats)'),
  ];
}
