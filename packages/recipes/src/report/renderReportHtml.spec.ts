import { describe, expect, it } from 'vitest';
import { formatTable } from './formatTable';
import type { RunMetrics } from './readMetrics';
import { renderReportHtml } from './renderReportHtml';
import { REPORT_COLUMNS } from './reportColumns';
import type { AblationSummary, RunSummary } from './RunSummary';

const iv = (value: number, low: number, high: number) => ({ value, low, high, level: 0.95 });

const run = (name: string, over: Partial<RunSummary> = {}): RunSummary => ({
  name,
  objective: name,
  options: {},
  steps: 4,
  heldoutAccuracy: 0.995,
  heldoutAccuracyNotLonger: 0.9,
  heldoutMargin: 1,
  winRate: 0.6,
  lcWinRate: 0.7,
  ruleRate: 0.5,
  meanGenLength: 12,
  stepMs: 40,
  stepCpuMs: 30,
  peakRssMiB: 300,
  wallSec: 10,
  metricsFile: `${name}/metrics.jsonl`,
  ...over,
});

function summary(withIntervals: boolean): AblationSummary {
  return {
    title: 'spec',
    command: 'prefopt ablate',
    seed: 0,
    seeds: withIntervals ? [0, 1, 2] : undefined,
    backend: 'cpu',
    createdAt: '2026-01-01T00:00:00Z',
    baseline: { name: 'sft', ruleRate: 0.25, meanGenLength: 10, wallSec: 1 },
    runs: [
      run('simpo', {
        seeds: withIntervals ? [0, 1, 2] : undefined,
        intervals: withIntervals
          ? {
              lcWinRate: iv(0.7, 0.6, 0.8),
              heldoutAccuracy: iv(0.995, 0.98, 1),
              heldoutMargin: iv(1, 0.1, 10),
            }
          : undefined,
      }),
      run('dpo', { heldoutMargin: 0.5, lcWinRate: 0.55 }),
    ],
    notes: [],
  };
}

// Two runs with the same curve: they overlap exactly, so only dash and marker tell them apart.
const same: RunMetrics = {
  steps: [1, 2, 3, 4].map((step) => ({ step, loss: 1 / step, 'rewards/margins': step })),
  evals: [],
};
const metrics = { simpo: [same], dpo: [same] };

const figureTitles = (html: string): string[] =>
  [...html.matchAll(/<figure><svg[^>]*aria-label="([^"]+)"/g)].map((m) => m[1]);

describe('renderReportHtml', () => {
  const html = renderReportHtml(summary(true), metrics);

  it('opens with the LC win rate, the raw win rate next to it', () => {
    const titles = figureTitles(html);
    expect(titles[0]).toBe('LC win vs start — length-controlled win rate');
    expect(titles[1]).toBe('win vs start — raw win rate');
  });

  it('shows the same columns, in the same order, in the HTML table, the charts and the printed table', () => {
    const headers = REPORT_COLUMNS.map((c) => c.header);
    const th = [...html.matchAll(/<th scope="col"[^>]*>([^<]+)<\/th>/g)].map((m) => m[1]);
    expect(th.slice(1).map((h) => h.replace('&lt;', '<'))).toEqual(headers);
    const charts = figureTitles(html).slice(0, headers.length);
    expect(charts.map((t) => t.split(' — ')[0])).toEqual(headers);
    expect(figureTitles(html)).toHaveLength(headers.length + 4); // + 4 training curves
    const printed = formatTable(summary(true))
      .split('\n')[0]
      .trim()
      .split(/\s{2,}/);
    expect(printed).toEqual(['run', ...headers]);
  });

  it('renders 0.995 as 99.5% in the table and on its bar, never as 100%', () => {
    // the table cell, with its interval (high 1 is exactly 100)
    expect(html).toContain('<td>99.5% <span class="ci">[98.0, 100.0]</span></td>');
    // the accuracy chart's value label
    const acc = html.split('aria-label="acc — ')[1].split('</svg>')[0];
    expect(acc).toContain('>99.5%</text>');
    expect(acc).not.toMatch(/>100\.0%<\/text>/);
  });

  it('draws the intervals it has as error bars and only those', () => {
    const lc = html.split('aria-label="LC win vs start')[1].split('</svg>')[0];
    // simpo is bar 0 of 2: x = 184; 0.8 → 236 − 156.8 = 79.2, 0.6 → 236 − 117.6 = 118.4
    expect([...lc.matchAll(/class="interval" d="([^"]+)"/g)].map((m) => m[1])).toEqual([
      'M179,79.2H189M184,79.2V118.4M179,118.4H189',
    ]);
    expect(html).toContain('95% percentile bootstrap interval');
    expect(html).toContain('3 seeds (0, 1, 2)');
  });

  it('puts the margins on a log axis whose ticks sit where log10 puts them', () => {
    const margin = html.split('aria-label="margin — ')[1].split('</svg>')[0];
    expect(margin).toContain('>log scale</text>');
    // values 0.1 … 10 → decades 10^-1 … 10^1 with 1-2-5 ticks; y = 236 − 98·(log10 t + 1)
    const ticks = [...margin.matchAll(/class="tick" data-value="([^"]+)" [^>]*y1="([^"]+)"/g)];
    expect(ticks.map((m) => Number(m[1]))).toEqual([0.1, 0.2, 0.5, 1, 2, 5, 10]);
    for (const [, t, y] of ticks) {
      expect(Number(y)).toBeCloseTo(236 - 98 * (Math.log10(Number(t)) + 1), 2);
    }
  });

  it('tells overlapping runs apart by dash pattern and marker, not colour alone', () => {
    const loss = html.split('aria-label="Training loss')[1].split('</svg>')[0];
    const groups = loss.split('<g class="series"').slice(1);
    expect(groups).toHaveLength(2);
    const pointsOf = (g: string): string | undefined => /points="([^"]+)"/.exec(g)?.[1];
    expect(pointsOf(groups[0])).toBe(pointsOf(groups[1])); // the same line …
    const dashOf = (g: string): string => /stroke-dasharray="([^"]+)"/.exec(g)?.[1] ?? 'solid';
    expect(dashOf(groups[0])).not.toBe(dashOf(groups[1])); // … drawn differently
    expect(groups[0]).toContain('<circle');
    expect(groups[1]).toContain('<rect');
  });

  it('draws the mean over seeds with a band for their range', () => {
    const seed1: RunMetrics = {
      steps: [1, 2, 3, 4].map((step) => ({ step, loss: 1 / step, 'rewards/margins': 3 * step })),
      evals: [],
    };
    const banded = renderReportHtml(summary(true), { simpo: [same, seed1], dpo: [same] });
    const margin = banded.split('aria-label="Train reward margin')[1].split('</svg>')[0];
    expect(margin.match(/class="band"/g)).toHaveLength(1);
    expect(html).not.toContain('class="band"');
  });

  it('renders plain values and says so when there is one seed', () => {
    const plain = renderReportHtml(summary(false), metrics);
    expect(plain).not.toContain('class="interval"');
    expect(plain).not.toContain('class="ci"');
    expect(plain).toContain('1 seed (0): values of single runs, no intervals');
  });
});
