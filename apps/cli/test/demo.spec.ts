import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AblationSummary } from '@prefopt/recipes';
import { main } from '../src/main';
import { textBuffer as buffer } from '@prefopt/testing';

describe('prefopt demo --preset smoke (the whole pipeline, in seconds)', () => {
  it('trains sft once, then every objective from it once per seed in worker processes, and writes the report', async () => {
    const out = mkdtempSync(join(tmpdir(), 'prefopt-demo-'));
    const stdout = buffer();
    const stderr = buffer();
    const code = await main(
      [
        'demo',
        '--preset',
        'smoke',
        '--out',
        out,
        '--backend',
        'cpu',
        '--seeds',
        '2',
        '--seed',
        '5',
      ],
      { stdout, stderr, cwd: process.cwd() },
    );
    expect(code, stderr.text).toBe(0);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as AblationSummary;
    expect(summary.runs.map((r) => r.name)).toEqual([
      'dpo',
      'simpo',
      'ipo',
      'simpo-no-ln',
      'simpo-gamma0',
    ]);
    expect(summary.runs.map((r) => r.objective)).toEqual(['dpo', 'simpo', 'ipo', 'simpo', 'simpo']);
    // resolved options: defaults filled in by each factory
    expect(summary.runs[3].options).toMatchObject({ beta: 2, gamma: 1, lengthNormalize: false });
    expect(summary.runs[4].options).toMatchObject({ gamma: 0, lengthNormalize: true });
    expect(summary.seeds).toEqual([5, 6]);
    // the SFT stage learns from chosen and rejected responses alike
    const sftData = readFileSync(join(out, 'data', 'sft.jsonl'), 'utf8')
      .trim()
      .split('\n');
    const train = readFileSync(join(out, 'data', 'train.jsonl'), 'utf8')
      .trim()
      .split('\n');
    expect(sftData).toHaveLength(train.length);
    expect(sftData).not.toEqual(train);
    for (const r of summary.runs) {
      expect(r.steps).toBe(2);
      expect(r.seeds).toEqual([5, 6]);
      const figures = [
        r.heldoutAccuracy,
        r.heldoutMargin,
        r.winRate,
        r.lcWinRate,
        r.ruleRate,
        r.meanGenLength,
      ];
      for (const v of figures) expect(Number.isFinite(v)).toBe(true);
      for (const [name, i] of Object.entries(r.intervals ?? {})) {
        expect(i.value, name).toBe(r[name as keyof typeof r]);
        expect(i.low).toBeLessThanOrEqual(i.high);
      }
      expect(Object.keys(r.intervals ?? {})).toContain('lcWinRate');
      expect(r.heldoutAccuracy).toBeGreaterThanOrEqual(0);
      expect(r.heldoutAccuracy).toBeLessThanOrEqual(1);
      // 8 prompts, at most 6 new tokens each
      expect(r.meanGenLength).toBeGreaterThan(0);
      expect(r.meanGenLength).toBeLessThanOrEqual(6);
      expect(r.stepMs).toBeGreaterThan(0);
      expect(r.peakRssMiB).toBeGreaterThan(20);
      const rows = readFileSync(join(out, r.metricsFile), 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l));
      expect(rows.filter((x) => 'loss' in x).map((x) => x.step)).toEqual([1, 2]);
      expect(rows.filter((x) => 'eval/loss' in x)).toHaveLength(1);
      for (const seed of [5, 6])
        expect(
          readFileSync(join(out, r.name, `seed-${seed}`, 'generations.jsonl'), 'utf8')
            .trim()
            .split('\n'),
        ).toHaveLength(8);
    }
    expect(summary.baseline?.name).toBe('sft');
    expect(existsSync(join(out, 'sft', 'model'))).toBe(true);
    expect(
      readFileSync(join(out, 'sft', 'metrics.jsonl'), 'utf8')
        .trim()
        .split('\n'),
    ).toHaveLength(4); // 3 steps + eval
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    // one bar chart per table column (LC win rate first) and four training curves
    expect(html.match(/<svg /g)).toHaveLength(15);
    expect(html).toMatch(/<figure><svg [^>]*aria-label="LC win vs start/);
    for (const name of ['sft (start)', 'dpo', 'simpo-no-ln', 'simpo-gamma0'])
      expect(stdout.text).toContain(name);
    // with several seeds every figure carries its interval: `50.0% [25.0, 75.0]`
    expect(stdout.text).toMatch(/^simpo\s.*\d\.\d% \[\d+\.\d, \d+\.\d\]/m);
    expect(stdout.text).toContain('report.html');
  }, 480_000);

  it('names an unknown preset', async () => {
    const stderr = buffer();
    const code = await main(['demo', '--preset', 'huge'], {
      stdout: buffer(),
      stderr,
      cwd: process.cwd(),
    });
    expect(code).toBe(2);
    expect(stderr.text).toMatch(/--preset 'huge' is not a demo preset. Choose full or smoke/);
  });
});
