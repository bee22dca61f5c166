import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createModel, saveModel } from '@prefopt/model';
import { useCpuBackend } from '@prefopt/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { runMain as run } from './support/runMain';

interface EvalJson {
  baseline: string;
  annotator: string;
  rows: {
    model: string;
    n: number;
    winRate: { value: number; low: number; high: number };
    lcWinRate: { value: number; low: number; high: number };
    meanTokens: number;
    baselineMeanTokens: number;
  }[];
}

describe('prefopt eval (fresh byte-level models)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'prefopt-eval-'));
  const config = {
    dim: 16,
    hiddenDim: 32,
    layers: 1,
    heads: 2,
    kvHeads: 2,
    vocab: 259,
    seqLen: 64,
  };
  beforeAll(async () => {
    await useCpuBackend();
    for (const seed of [3, 4]) {
      const model = createModel(config, { seed });
      await saveModel(model, join(dir, `m${seed}`));
      model.dispose();
    }
    writeFileSync(join(dir, 'prompts.txt'), 'The cat\nA dog\nOnce\nHello\nWhy\n');
  });
  const argv = (model: string) => [
    'eval',
    '--model',
    model,
    '--baseline',
    join(dir, 'm3'),
    '--tokenizer',
    'bytes',
    '--baseline-tokenizer',
    'bytes',
    '--prompts',
    join(dir, 'prompts.txt'),
    '--annotator',
    'regex',
    '--annotator-options',
    '{"pattern":"[aeiou]"}',
    '--max-new-tokens',
    '8',
    '--backend',
    'cpu',
    '--json',
  ];

  it('a model against itself ties on every prompt: win rate and LC win rate are exactly ½', async () => {
    const r = await run(argv(join(dir, 'm3')));
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as EvalJson;
    expect(out.annotator).toBe('regex');
    expect(out.rows).toHaveLength(1);
    const row = out.rows[0];
    expect(row.n).toBe(5);
    expect(row.winRate).toMatchObject({ value: 0.5, low: 0.5, high: 0.5 });
    expect(row.lcWinRate.value).toBeCloseTo(0.5, 9);
    expect(row.meanTokens).toBe(row.baselineMeanTokens);
  });

  it('evaluates several models in one run and prints a table', async () => {
    const args = argv(`${join(dir, 'm3')},${join(dir, 'm4')}`).filter((a) => a !== '--json');
    const r = await run(args);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/model .*win rate \(95% CI\).*LC win rate \(95% CI\)/);
    expect(lines).toHaveLength(4);
    expect(lines[2]).toContain('50.0% [50.0%, 50.0%]');
  });

  it('names a missing baseline', async () => {
    const r = await run(['eval', '--model', join(dir, 'm3'), '--prompts', 'x.txt']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--baseline');
  });
});
