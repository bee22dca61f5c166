import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from '@prefopt/testing';
import { describe, expect, it } from 'vitest';
import { runMain } from '../../test/support/runMain';

const tiny = JSON.stringify({
  dim: 16,
  hiddenDim: 40,
  layers: 2,
  heads: 4,
  kvHeads: 2,
  vocab: 32,
  seqLen: 16,
});

const run = (argv: string[]) => runMain(argv, repoRoot());

const benchArgs = (objective: string, extra: string[] = []) => [
  'bench',
  '--model-config',
  tiny,
  '--batch',
  '2',
  '--seq',
  '12',
  '--objective',
  objective,
  '--steps',
  '2',
  '--warmup',
  '1',
  '--backend',
  'cpu',
  '--json',
  ...extra,
];

describe('prefopt bench', () => {
  it('prints one JSON line with the step median, throughput, memory and phases (simpo: no reference)', async () => {
    const { code, stdout, stderr } = await run(benchArgs('simpo'));
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout.trim().split('\n')).toHaveLength(1);
    const r = JSON.parse(stdout);
    expect(r).toMatchObject({
      impl: 'prefopt',
      backend: 'cpu',
      tfBackend: 'cpu',
      objective: 'simpo',
      batch: 2,
      seq: 12,
      steps: 2,
    });
    // tiny model: embedding 32·16 + 2 layers · (attnNorm 16 + wq 16·16 + wk 16·8 + wv 16·8 + wo 16·16
    //   + ffnNorm 16 + w1 16·40 + w2 40·16 + w3 16·40) + finalNorm 16 (tied head)
    //   = 512 + 2·(16 + 256 + 128 + 128 + 256 + 16 + 640 + 640 + 640) + 16 = 512 + 2·2720 + 16 = 5968
    expect(r.params).toBe(5968);
    expect(r.medianStepMs).toBeGreaterThan(0);
    // tokensPerSec is 2·B·T tokens over the median step: 2·2·12 = 48 tokens
    expect(r.tokensPerSec).toBeCloseTo(48 / (r.medianStepMs / 1000), 6);
    expect(r.peakRssMiB).toBeGreaterThan(0);
    expect(r.wasmHeapMiB).toBeNull(); // cpu backend: no wasm heap
    expect(r.phases.referenceForward).toBe(0);
    for (const k of ['forward', 'backward', 'optimizer']) expect(r.phases[k]).toBeGreaterThan(0);
    expect(Number.isFinite(r.loss)).toBe(true);
  });

  it('runs the online reference for dpo and takes objective options as flags', async () => {
    const { code, stdout } = await run(
      benchArgs('dpo', ['--beta', '0.2', '--warmup', '0', '--steps', '1']),
    );
    expect(code).toBe(0);
    const r = JSON.parse(stdout);
    expect(r.objective).toBe('dpo');
    expect(r.phases.referenceForward).toBeGreaterThan(0);
    // One step, taken while policy = reference: z = 0 and the loss is −log σ(0) = ln 2 = 0.693147.
    expect(r.loss).toBeCloseTo(Math.LN2, 5);
  });

  it('--trainer times the Trainer loop itself: dpo through its reference, no phase split', async () => {
    const { code, stdout } = await run(
      benchArgs('dpo', ['--trainer', '--warmup', '0', '--steps', '1']),
    );
    expect(code).toBe(0);
    const r = JSON.parse(stdout);
    expect(r).toMatchObject({ mode: 'trainer', objective: 'dpo', phases: null, steps: 1 });
    expect(r.medianStepMs).toBeGreaterThan(0);
    // the Trainer's first step, policy = reference: −log σ(0) = ln 2 = 0.693147
    expect(r.loss).toBeCloseTo(Math.LN2, 5);
  });

  it('rejects a --seq longer than the model and a --model-config missing fields, naming them', async () => {
    const long = await run(['bench', '--model-config', tiny, '--seq', '17', '--backend', 'cpu']);
    expect(long.code).toBe(2);
    expect(long.stderr).toMatch(/--seq 17 is longer than the model's seqLen 16/);
    const partial = await run(['bench', '--model-config', '{"dim":16}', '--backend', 'cpu']);
    expect(partial.code).toBe(2);
    expect(partial.stderr).toMatch(
      /--model-config lacks hiddenDim, layers, heads, kvHeads, vocab, seqLen/,
    );
    const unknown = await run([
      'bench',
      '--model-config',
      tiny,
      '--objective',
      'simpo',
      '--frobnicate',
      '1',
    ]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/frobnicate/);
  });

  it('runs as a real process and prints the human report without --json', () => {
    const bin = join(repoRoot(), 'apps/cli/bin/prefopt.mjs');
    const argv = benchArgs('simpo').filter((a) => a !== '--json');
    const r = spawnSync(process.execPath, [bin, ...argv], { cwd: repoRoot(), encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^bench: simpo on cpu, 5,968 params, batch 2 pairs × 12 tokens/);
    expect(r.stdout).toMatch(/median step +[\d.]+ ms over 2 steps/);
    expect(r.stderr).toMatch(/warmup 1: [\d.]+ ms, loss/);
  });
});
