import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatTable } from './formatTable';
import type { AblationSummary, RunSummary } from './RunSummary';
import { writeReport } from './writeReport';

const run = (name: string, over: Partial<RunSummary> = {}): RunSummary => ({
  name,
  objective: name.split('-')[0],
  options: {},
  steps: 3,
  heldoutAccuracy: 0.75,
  heldoutAccuracyNotLonger: 0.5,
  heldoutMargin: 0.5,
  winRate: 0.625,
  lcWinRate: 0.5625,
  ruleRate: 0.5,
  meanGenLength: 12.25,
  stepMs: 40.4,
  stepCpuMs: 30.6,
  peakRssMiB: 300.2,
  wallSec: 9.95,
  metricsFile: `${name}/metrics.jsonl`,
  ...over,
});

function fixture(): { out: string; summary: AblationSummary } {
  const out = mkdtempSync(join(tmpdir(), 'prefopt-report-'));
  const summary: AblationSummary = {
    title: 'test <ablation>',
    command: 'prefopt ablate --grid {}',
    seed: 0,
    backend: 'cpu',
    createdAt: '2026-01-01T00:00:00Z',
    baseline: { name: 'sft', ruleRate: 0.25, meanGenLength: 10, wallSec: 1 },
    runs: [run('simpo'), run('dpo', { winRate: null, heldoutAccuracy: 0.5 })],
    notes: ['train 3 pairs'],
  };
  for (const r of summary.runs) {
    mkdirSync(join(out, r.name));
    const rows = [1, 2, 3].map((step) => ({
      step,
      loss: 1 / step,
      'rewards/accuracies': step / 4,
    }));
    const evalRow = { step: 3, 'eval/loss': 0.3 };
    writeFileSync(
      join(out, r.metricsFile),
      [...rows, evalRow].map((x) => JSON.stringify(x)).join('\n') + '\n',
    );
  }
  return { out, summary };
}

describe('writeReport', () => {
  it('writes summary.json with one record per run and the table', () => {
    const { out, summary } = fixture();
    const { summaryFile } = writeReport(out, summary);
    const back = JSON.parse(readFileSync(summaryFile, 'utf8')) as AblationSummary;
    expect(back.runs.map((r) => r.name)).toEqual(['simpo', 'dpo']);
    expect(back.runs[0]).toEqual(summary.runs[0]);
    const table = formatTable(summary).split('\n');
    // columns: run, LC win vs start, win vs start, acc, acc c≤r, margin, rule, gen len,
    // step ms, cpu ms, RSS MiB, wall s. 0.5625 → 56.3%, 0.75 → 75.0%, 0.625 → 62.5%,
    // 12.25 → 12.3 (toFixed(1) rounds half away), 40.4 ms → 40, 30.6 → 31
    expect(table[0].split(/\s{2,}/)).toHaveLength(12);
    expect(table[0]).toMatch(
      /^run\s+LC win vs start\s+win vs start\s+acc\s+acc c≤r\s+margin\s+rule\s+gen len\s+step ms\s+cpu ms\s+RSS MiB\s+wall s$/,
    );
    expect(table[2]).toMatch(/^sft \(start\)(\s+—){5}\s+25\.0%\s+10\.0(\s+—){3}\s+1\.0$/);
    expect(table[3]).toMatch(
      /^simpo\s+56\.3%\s+62\.5%\s+75\.0%\s+50\.0%\s+0\.500\s+50\.0%\s+12\.3\s+40\s+31\s+300\s+9\.9/,
    );
    expect(table[4]).toMatch(/^dpo\s+56\.3%\s+—\s+50\.0%\s+50\.0%\s+0\.500/);
    // one seed, no intervals: the line under the table says so
    expect(table[5]).toBe(
      '1 seed (0): values of single runs, no intervals (--seeds N gives 95% intervals).',
    );
  });

  it('prints each figure with its interval, and what the intervals are', () => {
    const { summary } = fixture();
    summary.seeds = [0, 1, 2];
    summary.runs[0].intervals = {
      heldoutAccuracy: { value: 0.75, low: 0.701, high: 0.7996, level: 0.95 },
      heldoutMargin: { value: 0.5, low: 0.25, high: 1.125, level: 0.95 },
    };
    const table = formatTable(summary).split('\n');
    // 0.701 → 70.1, 0.7996 → 79.96 would be 80.0: one decimal kept (only 100 and 0 get more)
    expect(table[3]).toContain('75.0% [70.1, 80.0]');
    expect(table[3]).toContain('0.500 [0.250, 1.125]');
    expect(table[5]).toBe(
      'Figures are means over 3 seeds (0, 1, 2); [low, high] is the 95% percentile bootstrap ' +
        'interval, resampling held-out prompts (pairs, for acc, acc c≤r and margin) and seeds.',
    );
  });

  it('renders a self-contained page: inline SVG plots, escaped text, nothing fetched', () => {
    const { out, summary } = fixture();
    const { reportFile } = writeReport(out, summary);
    const html = readFileSync(reportFile, 'utf8');
    // one bar chart per table column (11) and four training curves
    expect(html.match(/<svg /g)).toHaveLength(15);
    expect(html).toContain('test &lt;ablation&gt;');
    expect(html).not.toMatch(/<script|<link|src=|url\(/);
    // the only URL is the SVG namespace
    expect(html.match(/https?:\/\/[^"]+/g)?.every((u) => u === 'http://www.w3.org/2000/svg')).toBe(
      true,
    );
    // one loss polyline per run, with 3 points (steps 1..3)
    const lines = html.match(/<polyline[^>]*points="([^"]+)"/g) ?? [];
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect((lines[0] ?? '').split(' ').filter((p) => /\d,\d/.test(p))).toHaveLength(3);
  });

  it('names the file when a metrics file is missing', () => {
    const { out, summary } = fixture();
    summary.runs[0].metricsFile = 'nope/metrics.jsonl';
    expect(() => writeReport(out, summary)).toThrow(
      /cannot read metrics file .*nope\/metrics.jsonl/,
    );
  });

  it("reads every seed's metrics file when a run lists them", () => {
    const { out, summary } = fixture();
    summary.runs[0].metricsFiles = ['simpo/metrics.jsonl', 'simpo/seed-1/metrics.jsonl'];
    expect(() => writeReport(out, summary)).toThrow(
      /cannot read metrics file .*simpo\/seed-1\/metrics.jsonl/,
    );
  });
});
