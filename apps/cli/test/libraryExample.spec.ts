import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadModel } from '@prefopt/model';
import { fixturePath, repoRoot, useCpuBackend } from '@prefopt/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMain } from './support/runMain';

interface ExampleSummary {
  backend: string;
  steps: number;
  losses: number[];
  out: string;
  tensorsBefore: number;
  tensorsAfter: number;
  tensorsAtExit: number;
}

const root = repoRoot();
const dir = mkdtempSync(join(tmpdir(), 'prefopt-library-example-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// docs/library.md's example, run as a user runs it: a plain `node` process that imports the
// packages' dist/ builds (what `npm ci` leaves). The install step is rerun first, so dist/ is
// never older than src/ (it rebuilds only what changed).
describe('examples/library/train-simpo.mjs (prefopt as a library)', () => {
  let summary: ExampleSummary;
  let stdout: string;

  beforeAll(() => {
    const build = spawnSync(process.execPath, [join(root, 'tools/install/build-packages.mjs')], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(build.stdout).toMatch(/^prefopt setup: packages built into dist\//);
    const run = spawnSync(
      process.execPath,
      [
        join(root, 'examples/library/train-simpo.mjs'),
        '--backend',
        'wasm',
        '--out',
        join(dir, 'lib'),
      ],
      { cwd: dir, encoding: 'utf8', timeout: 120_000 },
    );
    expect(run.status, run.stderr).toBe(0);
    stdout = run.stdout;
    summary = JSON.parse(stdout.trim().split('\n').at(-1)!) as ExampleSummary;
  }, 180_000);

  it('trains 3 SimPO steps on the fixtures and prints a line per step', () => {
    expect(stdout).toMatch(/^data: 300 pairs read, \d+ kept at max length 64$/m);
    expect(stdout.match(/^step \d\/3 {2}loss \d+\.\d{4}/gm)).toHaveLength(3);
    expect(summary).toMatchObject({ backend: 'wasm', steps: 3, out: join(dir, 'lib') });
    for (const l of summary.losses) expect(Number.isFinite(l) && l > 0).toBe(true);
  });

  it('leaves the tensor count where it found it, and none once the model is disposed', () => {
    expect(summary.tensorsBefore).toBeGreaterThan(0);
    expect(summary.tensorsAfter).toBe(summary.tensorsBefore);
    expect(summary.tensorsAtExit).toBe(0);
  });

  it('gives the losses `prefopt train` gives with the same settings', async () => {
    const out = join(dir, 'cli');
    const r = await runMain([
      'train',
      '--model',
      fixturePath('stories260K/stories260K.bin'),
      '--tokenizer',
      fixturePath('stories260K/tok512.bin'),
      '--data',
      fixturePath('hh-rlhf/harmless-base-test-300.jsonl.gz'),
      '--objective',
      'simpo',
      '--beta',
      '2',
      '--gamma',
      '1',
      '--max-steps',
      '3',
      '--batch-size',
      '2',
      '--lr',
      '1e-3',
      '--max-length',
      '64',
      '--max-prompt-length',
      '32',
      '--seed',
      '0',
      '--backend',
      'wasm',
      '--out',
      out,
    ]);
    expect(r.code, r.stderr).toBe(0);
    const cli = readFileSync(join(out, 'metrics.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as { loss: number }).loss);
    expect(cli).toHaveLength(3);
    cli.forEach((loss, i) => expect(summary.losses[i]).toBeCloseTo(loss, 5));
  }, 120_000);

  it('saves a folder that loads back as stories260K', async () => {
    expect(existsSync(join(dir, 'lib', 'model.safetensors'))).toBe(true);
    await useCpuBackend();
    const model = loadModel(join(dir, 'lib'));
    try {
      expect(model.config).toMatchObject({ dim: 64, layers: 5, vocab: 512, seqLen: 512 });
    } finally {
      model.dispose();
    }
  });
});

// The published `prefopt` bin falls back to dist/ where src/ is absent: the same dist/ that
// `npm ci` builds must run a verb (beforeAll above rebuilt it).
describe("@prefopt/cli's dist build (the bin's fallback without src/)", () => {
  it('runs `prefopt objectives --json` from dist/index.js', () => {
    const script = `import(${JSON.stringify(join(root, 'apps/cli/dist/index.js'))}).then(async (m) => { process.exitCode = await m.main(['objectives', '--json']); })`;
    const r = spawnSync(process.execPath, ['-e', script], { cwd: dir, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const listed = JSON.parse(r.stdout) as { name: string }[];
    expect(listed.map((o) => o.name)).toEqual(expect.arrayContaining(['dpo', 'simpo', 'kto']));
  });
});
