import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '@prefopt/testing';
import { describe, expect, it } from 'vitest';
import { runMain } from '../support/runMain';

// Written by: /work/venv/bin/python tools/reference/trl_tokenize.py packages/data/test/fixtures/trl
// TRL 1.13 DPOTrainer, 2 steps on a tiny random Llama (float32) whose tokenizer is the
// SentencePiece Llama-2 conversion (byte fallback), 4 pairs whose completions start with and
// without a space. Batch = all 4 pairs (order cannot matter), constant lr, no warmup, no
// weight decay, max_grad_norm 1 (step 1 clips), dropout off, a frozen reference copy.
const fixtures = join(repoRoot(), 'packages/data/test/fixtures/trl');
const trl = JSON.parse(readFileSync(join(fixtures, 'trl_dpo_steps.json'), 'utf8')) as {
  settings: { beta: number; lr: number; batchSize: number; steps: number; maxGradNorm: number };
  steps: Record<string, number>[];
};

describe('prefopt train equals TRL 1.13 DPOTrainer (SentencePiece tokenizer)', () => {
  it('gives the same loss, grad norm, rewards and log-probs for 2 steps', async () => {
    const s = trl.settings;
    const dir = mkdtempSync(join(tmpdir(), 'prefopt-trl-'));
    const r = await runMain(
      [
        'train',
        '--objective',
        'dpo',
        '--beta',
        String(s.beta),
        '--model',
        join(fixtures, 'tiny-llama'),
        '--data',
        join(fixtures, 'dpo_pairs.jsonl'),
        '--backend',
        'cpu',
        '--batch-size',
        String(s.batchSize),
        '--lr',
        String(s.lr),
        '--lr-scheduler',
        'constant',
        '--warmup-ratio',
        '0',
        '--weight-decay',
        '0',
        '--max-grad-norm',
        String(s.maxGradNorm),
        '--max-steps',
        String(s.steps),
        '--max-length',
        '64',
        '--out',
        'run',
      ],
      dir,
    );
    expect(r.code, r.stderr).toBe(0);
    const rows = readFileSync(join(dir, 'run', 'metrics.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, number>)
      .filter((m) => 'loss' in m);
    expect(rows.map((m) => m.step)).toEqual([1, 2]);
    rows.forEach((m, i) => {
      const want = trl.steps[i];
      // float32 on both sides: 1e-5 absolute on the loss and grad norm, 1e-5 relative on
      // the log-probs (|logps| ≈ 50)
      expect(m.loss).toBeCloseTo(want.loss, 5);
      expect(m.grad_norm).toBeCloseTo(want.grad_norm, 5);
      expect(m['rewards/chosen']).toBeCloseTo(want['rewards/chosen'], 5);
      expect(m['rewards/rejected']).toBeCloseTo(want['rewards/rejected'], 5);
      expect(Math.abs(m['logps/chosen'] - want['logps/chosen'])).toBeLessThan(1e-5 * 50);
      expect(Math.abs(m['logps/rejected'] - want['logps/rejected'])).toBeLessThan(1e-5 * 50);
    });
  });
});
