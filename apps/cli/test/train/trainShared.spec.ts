import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixturePath } from '@prefopt/testing';
import { expect, it, describe } from 'vitest';
import { main } from '../../src/main';
import { textBuffer as buffer } from '@prefopt/testing';

// The done-when runs, shortened for `npm test` (the 40-step versions: tools/train-done-when.mjs).
describe('prefopt train on stories260K + hh-rlhf', () => {
  const model = fixturePath('stories260K/stories260K.bin');
  const tokenizer = fixturePath('stories260K/tok512.bin');
  const data = fixturePath('hh-rlhf/harmless-base-test-300.jsonl.gz');
  const run = async (objective: string[], steps: number) => {
    const out = mkdtempSync(join(tmpdir(), 'prefopt-train-shared-'));
    const stderr = buffer();
    const argv = [
      'train',
      '--model',
      model,
      '--tokenizer',
      tokenizer,
      '--data',
      data,
      ...objective,
      '--max-steps',
      String(steps),
      '--batch-size',
      '2',
      '--lr',
      '1e-3',
      '--max-length',
      '64',
      '--seed',
      '0',
      '--backend',
      'wasm',
      '--out',
      out,
    ];
    const code = await main(argv, { stdout: buffer(), stderr, cwd: out });
    expect(code, stderr.text).toBe(0);
    const rows = readFileSync(join(out, 'metrics.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { loss: number });
    return { rows, stderr: stderr.text };
  };

  it('simpo trains reference-free, dpo with a frozen reference', async () => {
    const simpo = await run(['--objective', 'simpo', '--beta', '2', '--gamma', '1'], 3);
    expect(simpo.rows).toHaveLength(3);
    expect(simpo.stderr).toContain('300 pairs (hh-rlhf)');
    expect(simpo.stderr).toContain('(reference-free)');
    const dpo = await run(['--objective', 'dpo'], 2);
    expect(dpo.stderr).toContain('reference: a frozen copy of the initial policy');
    expect(dpo.rows[0].loss).toBeCloseTo(Math.LN2, 5); // policy = reference at step 1
  });
});
