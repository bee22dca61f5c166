import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { trainFixture } from './trainFixture';

const BIN = resolve(import.meta.dirname, '../../bin/prefopt.mjs');

describe('prefopt train (a real process)', () => {
  it('SIGINT writes a checkpoint at the current step and exits 130 with one line', async () => {
    const f = trainFixture();
    const out = join(f.dir, 'run');
    const metrics = join(out, 'metrics.jsonl');
    const child = spawn(
      process.execPath,
      [
        BIN,
        'train',
        '--objective',
        'simpo',
        '--model',
        f.model,
        '--data',
        f.data,
        '--backend',
        'cpu',
        '--max-length',
        '32',
        '--batch-size',
        '2',
        '--lr',
        '0.01',
        '--max-steps',
        '100000',
        '--out',
        out,
      ],
      { cwd: f.dir, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const steps = () =>
      existsSync(metrics)
        ? readFileSync(metrics, 'utf8').trim().split('\n').filter(Boolean).length
        : 0;
    const code = await new Promise<number | null>((done) => {
      const poll = setInterval(() => {
        if (steps() >= 3) {
          clearInterval(poll);
          child.kill('SIGINT');
        }
      }, 100);
      child.on('exit', (c) => (clearInterval(poll), done(c)));
    });
    expect(code, stderr).toBe(130);
    const last = steps();
    expect(stderr).toContain(
      `prefopt: stopped at step ${last}; checkpoint written to ${join(out, `checkpoint-${last}`)}`,
    );
    expect(stderr).not.toMatch(/\n\s+at /); // no stack trace
    const state = JSON.parse(
      readFileSync(join(out, `checkpoint-${last}`, 'trainer_state.json'), 'utf8'),
    ) as { step: number };
    expect(state.step).toBe(last);
  });
});
