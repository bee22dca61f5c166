import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CheckpointStore } from '@prefopt/trainer';
import { fixtureArgs, train, trainFixture } from '../train/trainFixture';
import { expectOneLine, losses } from './faultSupport';

const BIN = resolve(import.meta.dirname, '../../bin/prefopt.mjs');
const common = (f: { model: string; data: string }) => ['--objective', 'dpo', ...fixtureArgs(f)];

/** A `prefopt train` child process in `cwd`, its stderr collected. */
function child(args: string[], cwd: string) {
  const p = spawn(process.execPath, [BIN, 'train', ...args], {
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  p.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const exit = new Promise<number | null>((done) => p.on('exit', (code) => done(code)));
  return { p, exit, stderr: () => stderr };
}

const rowCount = (file: string) =>
  existsSync(file)
    ? readFileSync(file, 'utf8')
        .split('\n')
        .filter((l) => l.endsWith('}')).length
    : 0;

/** Resolves once `file` has `n` rows (or the process has exited). */
function rowsReached(file: string, n: number, p: ChildProcess): Promise<void> {
  return new Promise((done) => {
    const poll = setInterval(() => {
      if (rowCount(file) >= n || p.exitCode !== null) {
        clearInterval(poll);
        done();
      }
    }, 3);
  });
}

/** mulberry32: the kill points are random but reproducible from the printed seed. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

describe('fault suite: processes killed and signalled (real processes)', () => {
  it('SIGKILL at random points of a --save-every 1 run, then resume: equal to the uninterrupted run', async () => {
    const seed = Number(process.env.PREFOPT_FAULT_SEED ?? Date.now() % 1_000_000);
    const random = rng(seed);
    const f = trainFixture();
    const flags = [...common(f), '--max-steps', '16', '--save-every', '1'];
    expect((await train(f, [...flags, '--out', 'ref'])).code).toBe(0);
    const metrics = join(f.dir, 'run', 'metrics.jsonl');
    const kills: string[] = [];
    for (let round = 0; round < 2; round++) {
      const c = child(round === 0 ? [...flags, '--out', 'run'] : ['--resume', 'run'], f.dir);
      const at = rowCount(metrics) + 2 + Math.floor(random() * 5);
      await rowsReached(metrics, at, c.p);
      await new Promise((r) => setTimeout(r, Math.floor(random() * 25)));
      c.p.kill('SIGKILL');
      const code = await c.exit;
      kills.push(`round ${round}: after row ${at}, exit ${code}`);
    }
    const newest = CheckpointStore.latest(join(f.dir, 'run'));
    expect(newest, `seed ${seed}: ${kills.join('; ')}`).toBeDefined();
    const resumed = await train(f, ['--resume', 'run']);
    expect(resumed.code, `seed ${seed}: ${resumed.stderr}`).toBe(0);
    expect(losses(metrics), `seed ${seed}: ${kills.join('; ')}`).toEqual(
      losses(join(f.dir, 'ref', 'metrics.jsonl')),
    );
  });

  it('SIGTERM checkpoints and exits 143 with one line; meanwhile a second writer is refused', async () => {
    const f = trainFixture();
    const out = join(f.dir, 'run');
    const c = child([...common(f), '--max-steps', '100000', '--out', 'run'], f.dir);
    await rowsReached(join(out, 'metrics.jsonl'), 3, c.p);
    const second = await train(f, ['--objective', 'dpo', '--max-steps', '2', '--out', 'run']);
    expectOneLine(
      second,
      2,
      new RegExp(`^prefopt: --out ${out} is in use by another prefopt train \\(pid ${c.p.pid} on `),
    );
    c.p.kill('SIGTERM');
    expect(await c.exit, c.stderr()).toBe(143);
    const steps = rowCount(join(out, 'metrics.jsonl'));
    expectOneLine(
      { code: 143, stdout: '', stderr: c.stderr() },
      143,
      `stopped at step ${steps}; checkpoint written to ${join(out, `checkpoint-${steps}`)}. Continue with --resume ${join(out, `checkpoint-${steps}`)}.`,
    );
    expect(CheckpointStore.read(out).state.step).toBe(steps);
    expect(existsSync(join(out, '.prefopt.lock'))).toBe(false);
  });
});
