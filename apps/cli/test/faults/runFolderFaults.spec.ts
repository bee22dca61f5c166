import { spawnSync } from 'node:child_process';
import {
  appendFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMain } from '../support/runMain';
import { train, trainFixture } from '../train/trainFixture';
import { expectNothingLost, expectOneLine, losses, metricRows, snapshot } from './faultSupport';

const simpo = ['--objective', 'simpo'];

describe('fault suite: run folders', () => {
  it('a fresh run into a folder holding another run is refused; --overwrite replaces it', async () => {
    const f = trainFixture();
    expect(
      (await train(f, [...simpo, '--max-steps', '3', '--save-every', '1', '--out', 'run'])).code,
    ).toBe(0);
    const out = join(f.dir, 'run');
    const before = snapshot(out);
    const again = await train(f, [...simpo, '--max-steps', '2', '--out', 'run']);
    expectOneLine(
      again,
      2,
      `--out ${out} holds another run (3 checkpoint(s) up to checkpoint-3, metrics.jsonl with 3 row(s)). Pass --resume ${out} to continue it, --overwrite to replace it, or another --out.`,
    );
    expectNothingLost(before, out);
    const over = await train(f, [...simpo, '--max-steps', '2', '--out', 'run', '--overwrite']);
    expect(over.code, over.stderr).toBe(0);
    expect(over.stderr).toContain(`--overwrite: removed the earlier run in ${out}`);
    expect(existsSync(join(out, 'checkpoint-3'))).toBe(false);
    expect(metricRows(join(out, 'metrics.jsonl')).map((m) => m.step)).toEqual([1, 2]);
  });

  it('--save-total-limit 2 keeps the newest two checkpoints', async () => {
    const f = trainFixture();
    const r = await train(f, [
      ...simpo,
      '--max-steps',
      '4',
      '--save-every',
      '1',
      '--save-total-limit',
      '2',
      '--out',
      'run',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(join(f.dir, 'run')).sort()).toEqual([
      'checkpoint-3',
      'checkpoint-4',
      'metrics.jsonl',
    ]);
  });

  it('two concurrent writers: the second is refused with one line naming the holder', async () => {
    const f = trainFixture();
    const [a, b] = await Promise.all([
      train(f, [...simpo, '--max-steps', '3', '--out', 'run']),
      train(f, [...simpo, '--max-steps', '3', '--out', 'run']),
    ]);
    const [won, lost] = a.code === 0 ? [a, b] : [b, a];
    expect(won.code, won.stderr).toBe(0);
    expectOneLine(
      lost,
      2,
      new RegExp(
        `^prefopt: --out ${join(f.dir, 'run')} is in use by another prefopt train \\(pid ${process.pid} on ${hostname()}, since .*\\)\\. Wait for it or pass another --out; if that process is gone, delete .*\\.prefopt\\.lock\\.$`,
      ),
    );
    expect(metricRows(join(f.dir, 'run', 'metrics.jsonl')).map((m) => m.step)).toEqual([1, 2, 3]);
    expect(existsSync(join(f.dir, 'run', '.prefopt.lock'))).toBe(false); // released
  });

  it("a lock left by a dead process is taken over; a live host elsewhere's is not", async () => {
    const f = trainFixture();
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
      encoding: 'utf8',
    });
    const lock = join(f.dir, 'run', '.prefopt.lock');
    expect((await train(f, [...simpo, '--max-steps', '1', '--out', 'run'])).code).toBe(0);
    writeFileSync(
      lock,
      JSON.stringify({ pid: Number(dead.stdout), host: hostname(), started: 'then' }),
    );
    const r = await train(f, ['--resume', 'run', '--max-steps', '2']);
    expect(r.code, r.stderr).toBe(0);
    writeFileSync(lock, JSON.stringify({ pid: 1, host: 'elsewhere', started: 'now' }));
    expectOneLine(
      await train(f, ['--resume', 'run', '--max-steps', '3']),
      2,
      /is in use by another prefopt train \(pid 1 on elsewhere, since now\)/,
    );
  });

  it('a torn last line in metrics.jsonl is repaired on resume, with a note', async () => {
    const f = trainFixture();
    expect((await train(f, [...simpo, '--max-steps', '4', '--out', 'ref'])).code).toBe(0);
    expect(
      (await train(f, [...simpo, '--max-steps', '4', '--save-every', '2', '--out', 'run'])).code,
    ).toBe(0);
    const file = join(f.dir, 'run', 'metrics.jsonl');
    // as a run killed mid-write at step 3 after checkpoint-2 would leave it
    writeFileSync(file, readFileSync(file, 'utf8').split('\n').slice(0, 2).join('\n') + '\n');
    appendFileSync(file, '{"step":3,"epoch":0.75,"lo');
    const r = await train(f, ['--resume', join('run', 'checkpoint-2')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(
      `note: ${file}: dropped a torn last line (a run stopped mid-write): {"step":3,"epoch":0.75,"lo`,
    );
    expect(losses(file)).toEqual(losses(join(f.dir, 'ref', 'metrics.jsonl')));
  });

  it('resume from another directory uses the saved absolute paths: same data, same --out', async () => {
    const f = trainFixture();
    const flags = [
      'train',
      ...simpo,
      '--model',
      'tiny.json',
      '--data',
      'pairs.jsonl',
      '--backend',
      'cpu',
      '--max-length',
      '32',
      '--batch-size',
      '4',
      '--lr',
      '0.01',
      '--seed',
      '1',
      '--max-steps',
      '4',
    ];
    expect((await runMain([...flags, '--out', 'ref'], f.dir)).code).toBe(0);
    expect((await runMain([...flags, '--save-every', '2', '--out', 'run'], f.dir)).code).toBe(0);
    const elsewhere = mkdtempSync(join(tmpdir(), 'prefopt-elsewhere-'));
    writeFileSync(
      join(elsewhere, 'pairs.jsonl'),
      '{"prompt": "other", "chosen": " data", "rejected": " here"}\n',
    );
    const r = await runMain(
      ['train', '--resume', join(f.dir, 'run', 'checkpoint-2'), '--backend', 'cpu'],
      elsewhere,
    );
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).out).toBe(join(f.dir, 'run'));
    expect(existsSync(join(elsewhere, 'run'))).toBe(false);
    expect(losses(join(f.dir, 'run', 'metrics.jsonl'))).toEqual(
      losses(join(f.dir, 'ref', 'metrics.jsonl')),
    );
  });

  it('a resume that changes what the run means lists each change; --allow-changed accepts them', async () => {
    const f = trainFixture();
    expect(
      (await train(f, ['--objective', 'dpo', '--beta', '0.5', '--max-steps', '2', '--out', 'run']))
        .code,
    ).toBe(0);
    const ckpt = join(f.dir, 'run', 'checkpoint-2');
    const changed = join(f.dir, 'pairs2.jsonl');
    writeFileSync(changed, readFileSync(f.data, 'utf8').split('\n').reverse().join('\n'));
    const r = await train(f, [
      '--resume',
      ckpt,
      '--seed',
      '2',
      '--batch-size',
      '2',
      '--data',
      changed,
      '--beta',
      '0.1',
      '--max-steps',
      '3',
    ]);
    const line = expectOneLine(
      r,
      2,
      /^prefopt: --resume \S+checkpoint-2: this run differs from the checkpoint's in /,
    );
    expect(line).toContain('seed 1 → 2; batch-size 4 → 2; data ');
    expect(line).toContain('beta 0.5 → 0.1');
    expect(line).toContain('pass --allow-changed seed,batch-size,data,beta to go on anyway');
    // dpo → simpo: simpo starts from its own defaults, never dpo's beta
    const simpoRef = await train(f, ['--objective', 'simpo', '--max-steps', '1', '--out', 'fresh']);
    expect(simpoRef.code).toBe(0);
    const switched = await train(f, ['--resume', ckpt, '--objective', 'simpo', '--max-steps', '3']);
    expectOneLine(
      switched,
      2,
      /this run differs from the checkpoint's in objective "dpo" → "simpo"\. .*--allow-changed objective /,
    );
    const allowed = await train(f, [
      '--resume',
      ckpt,
      '--objective',
      'simpo',
      '--max-steps',
      '3',
      '--allow-changed',
      'objective',
    ]);
    expect(allowed.code, allowed.stderr).toBe(0);
    const state = (dir: string) =>
      JSON.parse(readFileSync(join(dir, 'trainer_state.json'), 'utf8'));
    expect(state(join(f.dir, 'run', 'checkpoint-3')).objective).toEqual(
      state(join(f.dir, 'fresh', 'checkpoint-1')).objective,
    );
  });

  it('an --out that is a file, or under a file, is one line with the path and what to do', async () => {
    const f = trainFixture();
    writeFileSync(join(f.dir, 'afile'), 'x');
    expectOneLine(
      await train(f, [...simpo, '--max-steps', '1', '--out', 'afile']),
      2,
      `cannot create --out ${join(f.dir, 'afile')}: it already exists (EEXIST); remove it or choose another path. Pass a folder you can write to as --out.`,
    );
    expectOneLine(
      await train(f, [...simpo, '--max-steps', '1', '--out', join('afile', 'run')]),
      2,
      `cannot create --out ${join(f.dir, 'afile', 'run')}: a part of the path is a file, not a folder (ENOTDIR); choose a folder path (or move the file away). Pass a folder you can write to as --out.`,
    );
  });
});
