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
    // 0.75 → 75.0%, 0.625 → 62.5%, 12.25 → 12.3 (toFixed(1) rounds half away), 40.4 ms → 40,
    // 30.6 → 31
    expect(table[2]).toMatch(/^sft \(start\)(\s+—){4}\s+25\.0%\s+10\.0(\s+—){3}\s+1\.0$/);
    expect(table[3]).toMatch(
      /^simpo\s+75\.0%\s+50\.0%\s+0\.500\s+62\.5%\s+50\.0%\s+12\.3\s+40\s+31\s+300\s+9\.9/,
    );
    // header and rows have the same 11 columns (cells are separated by two or more spaces)
    expect(table[0].split(/\s{2,}/)).toHaveLength(11);
    expect(table[0]).toMatch(
      /^run\s+acc\s+acc c≤r\s+margin\s+win vs start\s+rule\s+gen len\s+step ms\s+cpu ms/,
    );
    expect(table[4]).toMatch(/^dpo\s+50\.0%\s+50\.0%\s+0\.500\s+—/);
  });

  it('renders a self-contained page: inline SVG plots, escaped text, nothing fetched', () => {
    const { out, summary } = fixture();
    const { reportFile } = writeReport(out, summary);
    const html = readFileSync(reportFile, 'utf8');
    expect(html.match(/<svg /g)).toHaveLength(9);
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
});
