#!/usr/bin/env node
// Runs `prefopt bench --json` and the PyTorch baseline (tools/bench/torch_step.py) on the same
// model, batch and thread count, one after the other per objective, and prints the ratios the
// performance issue tracks. Usage (from the repository root):
//   node tools/bench/compare.mjs [--model-config JSON] [--batch 4] [--seq 128] [--prompt-share 0.5] [--threads 1]
//       [--objectives simpo,dpo] [--steps 5] [--warmup 2] [--backend auto] [--python PATH]
//       [--trainer] [--json]
// The PyTorch baseline's Python: --python, else $PREFOPT_PYTHON, else tools/reference/.venv
// (PyTorch 2.x CPU, made by tools/reference/setup-venv.sh), else Debian's /usr/bin/python3
// (python3-torch 1.13, ~3× slower on these CPUs: labelled a fallback in the output).
// --trainer: prefopt times its Trainer loop itself (bench --trainer), without the phase split.
// Prints a table, then `ratio ...` lines and one `target ...` line per target of the
// performance issue (met / not met); --json prints one JSON object instead.
// PREFOPT_LEVERS (docs/performance.md, "Levers on the default engine") passes through to
// prefopt and is reported; tools/bench/levers.mjs runs this once per lever row.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const defaults = {
  modelConfig:
    '{"dim":256,"hiddenDim":688,"layers":4,"heads":4,"kvHeads":4,"vocab":512,"seqLen":128}',
  batch: '4',
  seq: '128',
  promptShare: '0.5',
  threads: '1',
  objectives: 'simpo,dpo',
  steps: '5',
  warmup: '2',
  backend: 'auto',
  python: '',
};
const opts = { ...defaults, json: false, trainer: false };
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const key = argv[i].replace(/^--/, '').replace(/-([a-z])/g, (_, c) => c.toUpperCase());
  if (key === 'json' || key === 'trainer') opts[key] = true;
  else if (key in defaults && i + 1 < argv.length) opts[key] = argv[++i];
  else {
    console.error(
      `compare.mjs: unknown flag ${argv[i]}; flags: ${Object.keys(defaults).join(', ')}, json, trainer`,
    );
    process.exit(2);
  }
}

const venvPython = join(root, 'tools/reference/.venv/bin/python');
const debianFallback = !opts.python && !process.env.PREFOPT_PYTHON && !existsSync(venvPython);
opts.python ||=
  process.env.PREFOPT_PYTHON || (existsSync(venvPython) ? venvPython : '/usr/bin/python3');
if (debianFallback)
  console.error(
    'compare.mjs: no PyTorch 2.x venv (tools/reference/setup-venv.sh) and no --python/PREFOPT_PYTHON: ' +
      "falling back to Debian's /usr/bin/python3 torch, which is slower than what TRL users run.",
  );

// Equal thread counts: torch.set_num_threads does not reach the BLAS that Debian's torch calls
// (OpenBLAS pthreads), so both processes also get the BLAS/OpenMP thread variables.
const threadEnv = {
  ...process.env,
  OMP_NUM_THREADS: opts.threads,
  OPENBLAS_NUM_THREADS: opts.threads,
  MKL_NUM_THREADS: opts.threads,
  // TensorFlow (backend node) reads its pools' sizes from these when the binding loads; the
  // node adapter sets the intra-op one from --threads too.
  TF_NUM_INTRAOP_THREADS: opts.threads,
  TF_NUM_INTEROP_THREADS: opts.threads,
};

function runJson(cmd, args) {
  const r = spawnSync(cmd, args, {
    cwd: root,
    env: threadEnv,
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  const line = (r.stdout ?? '')
    .trim()
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .pop();
  if (r.status !== 0 || !line) {
    console.error(`compare.mjs: ${cmd} ${args.join(' ')} failed (exit ${r.status}):\n${r.stderr}`);
    process.exit(1);
  }
  return JSON.parse(line);
}

const shared = [
  '--model-config',
  opts.modelConfig,
  '--batch',
  opts.batch,
  '--seq',
  opts.seq,
  '--prompt-share',
  opts.promptShare,
  '--steps',
  opts.steps,
  '--warmup',
  opts.warmup,
  '--threads',
  opts.threads,
];
const results = {};
for (const objective of opts.objectives.split(',')) {
  const torch = runJson(opts.python, [
    join(root, 'tools/bench/torch_step.py'),
    ...shared,
    '--objective',
    objective,
  ]);
  const prefopt = runJson(process.execPath, [
    join(root, 'apps/cli/bin/prefopt.mjs'),
    'bench',
    ...shared,
    '--objective',
    objective,
    '--backend',
    opts.backend,
    '--json',
    ...(opts.trainer ? ['--trainer'] : []),
  ]);
  results[objective] = { pytorch: torch, prefopt };
}

const ratios = {};
for (const [objective, r] of Object.entries(results)) {
  // speed relative to PyTorch: > 1 means prefopt is faster. Wall clock, and process CPU time
  // (steadier on a busy machine; equal to wall × threads on an idle one).
  ratios[`${objective}SpeedVsPytorch`] = r.pytorch.medianStepMs / r.prefopt.medianStepMs;
  ratios[`${objective}CpuSpeedVsPytorch`] = r.pytorch.medianStepCpuMs / r.prefopt.medianStepCpuMs;
  ratios[`${objective}PeakRssVsPytorch`] = r.prefopt.peakRssMiB / r.pytorch.peakRssMiB;
}
if (results.simpo && results.dpo) {
  ratios.simpoCostVsDpo = results.simpo.prefopt.medianStepMs / results.dpo.prefopt.medianStepMs;
  ratios.simpoCpuCostVsDpo =
    results.simpo.prefopt.medianStepCpuMs / results.dpo.prefopt.medianStepCpuMs;
  ratios.simpoPeakRssVsDpo = results.simpo.prefopt.peakRssMiB / results.dpo.prefopt.peakRssMiB;
  if (results.simpo.prefopt.wasmHeapMiB && results.dpo.prefopt.wasmHeapMiB)
    ratios.simpoWasmHeapVsDpo = results.simpo.prefopt.wasmHeapMiB / results.dpo.prefopt.wasmHeapMiB;
}

// The targets (benchmarks, never tests): value, limit, and whether it is met.
const targets = [];
const target = (name, value, op, limit) =>
  value !== undefined &&
  targets.push({ name, value, limit, op, met: op === '>=' ? value >= limit : value <= limit });
for (const objective of Object.keys(results)) {
  target(`${objective} CPU speed vs PyTorch`, ratios[`${objective}CpuSpeedVsPytorch`], '>=', 1);
  target(`${objective} peak RSS vs PyTorch`, ratios[`${objective}PeakRssVsPytorch`], '<=', 1.2);
}
target('simpo CPU cost vs dpo', ratios.simpoCpuCostVsDpo, '<=', 0.7);
target('simpo peak RSS vs dpo', ratios.simpoPeakRssVsDpo, '<=', 0.9);
const levers = process.env.PREFOPT_LEVERS ?? '';

if (opts.json) {
  console.log(
    JSON.stringify({ config: { ...opts, debianFallback, levers }, results, ratios, targets }),
  );
} else {
  const f = (x) => (Number.isNaN(x) ? '-' : x.toFixed(1)).padStart(8);
  console.log(
    `config ${opts.modelConfig} batch ${opts.batch} seq ${opts.seq} threads ${opts.threads}` +
      ` PREFOPT_LEVERS=${levers || '(unset: all levers on)'}`,
  );
  console.log(
    'objective impl              step ms   cpu ms  forward  ref.fwd backward    optim  tok/s  RSS MiB heap MiB',
  );
  for (const [objective, r] of Object.entries(results)) {
    for (const [impl, x] of Object.entries(r)) {
      const name =
        impl === 'prefopt'
          ? `prefopt/${x.backend}`
          : `pytorch ${x.torch}${debianFallback ? ' (fallback)' : ''}`;
      const none = { forward: NaN, referenceForward: NaN, backward: NaN, optimizer: NaN };
      const p = x.phases ?? none; // bench --trainer has no phase split
      console.log(
        `${objective.padEnd(9)} ${name.padEnd(17)} ${f(x.medianStepMs)} ${f(x.medianStepCpuMs)} ${f(p.forward)} ${f(p.referenceForward)} ${f(p.backward)} ${f(p.optimizer)} ${String(Math.round(x.tokensPerSec)).padStart(6)} ${f(x.peakRssMiB)} ${x.wasmHeapMiB ? f(x.wasmHeapMiB) : '       -'}`,
      );
    }
  }
  for (const [k, v] of Object.entries(ratios)) console.log(`ratio ${k} ${v.toFixed(3)}`);
  for (const t of targets)
    console.log(
      `target ${t.name} ${t.op} ${t.limit}: ${t.value.toFixed(3)} ${t.met ? 'met' : 'NOT met'}`,
    );
}
