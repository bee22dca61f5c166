#!/usr/bin/env node
// The done-when runs of the trainer issue, on the repository's fixtures (stories260K, 300 hh-rlhf
// pairs; about 5 minutes on 2 cores):
//   1. simpo, 40 steps: 40 metric rows whose loss falls;
//   2. dpo, 40 steps, with a reference (a frozen copy of the initial policy);
//   3. simpo with --save-every 10, stopped (SIGINT) once checkpoint-20 exists, resumed from
//      checkpoint-20 to step 40: its step-40 loss equals run 1's.
// Usage: node tools/train-done-when.mjs [--backend wasm] [--out runs/done-when]
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { clearInterval, setInterval } from 'node:timers';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(import.meta.url), '../..');
const fixtures = resolve(root, 'fixtures');
const argv = process.argv.slice(2);
const flag = (name, fallback) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : fallback);
const backend = flag('--backend', 'wasm');
const out = resolve(flag('--out', join(root, 'runs/done-when')));
rmSync(out, { recursive: true, force: true });
const common = [
  '--model',
  join(fixtures, 'stories260K/stories260K.bin'),
  '--tokenizer',
  join(fixtures, 'stories260K/tok512.bin'),
  '--data',
  join(fixtures, 'hh-rlhf/harmless-base-test-300.jsonl.gz'),
  '--max-steps',
  '40',
  '--batch-size',
  '4',
  '--lr',
  '1e-3',
  '--max-length',
  '128',
  '--seed',
  '0',
  '--backend',
  backend,
];
const simpo = ['--objective', 'simpo', '--beta', '2', '--gamma', '1'];

function train(args, { stopWhen } = {}) {
  return new Promise((done) => {
    const started = Date.now();
    const child = spawn(
      process.execPath,
      [join(root, 'apps/cli/bin/prefopt.mjs'), 'train', ...args],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const poll =
      stopWhen && setInterval(() => stopWhen() && (child.kill('SIGINT'), clearInterval(poll)), 200);
    child.on('exit', (code) => {
      if (poll) clearInterval(poll);
      done({ code, stderr, seconds: (Date.now() - started) / 1000 });
    });
  });
}
const rows = (dir) =>
  readFileSync(join(dir, 'metrics.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l))
    .filter((r) => 'loss' in r);
const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
const report = (name, dir, r) => {
  const m = rows(dir);
  const span = (xs) =>
    `steps ${xs[0].step}-${xs.at(-1).step} mean ${mean(xs.map((x) => x.loss)).toFixed(4)}`;
  console.log(
    `${name}: exit ${r.code}, ${m.length} rows in ${r.seconds.toFixed(0)} s; loss ${span(m.slice(0, 10))}, ` +
      `${span(m.slice(-10))}; step ${m[0].step} ${m[0].loss}, step ${m.at(-1).step} ${m.at(-1).loss}`,
  );
  return m;
};

const a = await train([...common, ...simpo, '--out', join(out, 'simpo')]);
const ma = report('simpo', join(out, 'simpo'), a);
const d = await train([...common, '--objective', 'dpo', '--out', join(out, 'dpo')]);
report('dpo', join(out, 'dpo'), d);
console.log(
  `dpo reference: ${/reference: .*/.exec(d.stderr)?.[0]}; training line: ${/training dpo .*/.exec(d.stderr)?.[0]}`,
);

const stopped = await train(
  [...common, ...simpo, '--save-every', '10', '--out', join(out, 'stopped')],
  {
    stopWhen: () => existsSync(join(out, 'stopped', 'checkpoint-20')),
  },
);
console.log(
  `stopped: exit ${stopped.code}, ${/prefopt: stopped at step \d+/.exec(stopped.stderr)?.[0]}`,
);
const resumed = await train([
  '--resume',
  join(out, 'stopped', 'checkpoint-20'),
  '--out',
  join(out, 'resumed'),
]);
const mr = report('resumed from checkpoint-20', join(out, 'resumed'), resumed);
const same = mr.at(-1).step === 40 && mr.at(-1).loss === ma.at(-1).loss;
console.log(
  `step-40 loss: uninterrupted ${ma.at(-1).loss}, resumed ${mr.at(-1).loss} -> ${same ? 'EQUAL' : 'DIFFERENT'}`,
);
process.exitCode = a.code || d.code || resumed.code || !same ? 1 : 0;
