#!/usr/bin/env node
// The lever table of docs/performance.md ("Levers on the default engine"): runs
// tools/bench/compare.mjs once per row — the baseline with every lever off
// (PREFOPT_LEVERS=none), then one lever added per row, then (optionally) all levers on
// N threads — and prints the rows as one markdown table, with the load average before and
// after each row. Usage (from the repository root):
//   node tools/bench/levers.mjs [--levers a,b,c] [--objectives simpo,dpo] [--steps 4]
//       [--warmup 2] [--threads 1] [--threads-row 2] [--backend node] [--json]
// --levers: the rows' order; default: every name the sources pass to leverEnabled('…')
// (found by scanning packages/*/src and apps/*/src), known ones first in LEVER_ORDER.
// --threads-row 0 leaves out the threads row. Progress goes to stderr, the table to stdout.
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** Known levers, in the order rows add them; others found in the sources come after. */
const LEVER_ORDER = [
  'flatAdamW',
  'node-matmul-transpose-flags',
  'node-fused-logprobs',
  'node-fused-rmsnorm',
  'node-fused-softmax',
  'completion-only-logits',
  'prefix-sharing',
];
const defaults = {
  levers: '',
  objectives: 'simpo,dpo',
  steps: '4',
  warmup: '2',
  threads: '1',
  threadsRow: '2',
  backend: 'node',
};
const opts = { ...defaults, json: false };
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const key = argv[i].replace(/^--/, '').replace(/-([a-z])/g, (_, c) => c.toUpperCase());
  if (key === 'json') opts.json = true;
  else if (key in defaults && i + 1 < argv.length) opts[key] = argv[++i];
  else {
    console.error(
      `levers.mjs: unknown flag ${argv[i]}; flags: ${Object.keys(defaults).join(', ')}, json`,
    );
    process.exit(2);
  }
}

/** Lever names passed to leverEnabled('…') in the non-spec sources (or keys of a lever table). */
function discoverLevers() {
  const found = new Set();
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      if (name === 'node_modules' || name === 'dist') continue;
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(ts|mts|js|mjs)$/.test(name) && !/\.spec\./.test(name)) {
        const text = readFileSync(path, 'utf8');
        for (const m of text.matchAll(/leverEnabled\(\s*['"]([\w-]+)['"]/g)) found.add(m[1]);
        // A table of levers read in a loop (`leverEnabled(lever)`): its quoted keys are names.
        if (/leverEnabled\(\s*lever\s*\)/.test(text))
          for (const m of text.matchAll(/^\s*'([\w-]+)':/gm)) found.add(m[1]);
      }
    }
  };
  for (const top of ['packages', 'apps'])
    for (const pkg of readdirSync(join(root, top))) {
      const src = join(root, top, pkg, 'src');
      if (statSync(join(root, top, pkg)).isDirectory() && safeIsDir(src)) walk(src);
    }
  const known = LEVER_ORDER.filter((n) => found.has(n));
  return [...known, ...[...found].filter((n) => !known.includes(n)).sort()];
}

function safeIsDir(p) {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

const levers = opts.levers ? opts.levers.split(',').map((s) => s.trim()) : discoverLevers();
const rows = [{ label: 'baseline: every lever off', env: 'none', threads: opts.threads }];
levers.forEach((name, i) => {
  const off = levers.slice(i + 1);
  rows.push({ label: `+ ${name}`, env: off.length ? off.join(',') : '', threads: opts.threads });
});
if (Number(opts.threadsRow) > 0 && opts.threadsRow !== opts.threads)
  rows.push({ label: `all levers, ${opts.threadsRow} threads`, env: '', threads: opts.threadsRow });

const load = () => loadavg()[0].toFixed(1);
const results = [];
for (const [i, row] of rows.entries()) {
  const args = [
    join(root, 'tools/bench/compare.mjs'),
    '--threads',
    row.threads,
    '--objectives',
    opts.objectives,
    '--steps',
    opts.steps,
    '--warmup',
    opts.warmup,
    '--backend',
    opts.backend,
    '--json',
  ];
  const command = `PREFOPT_LEVERS=${row.env || "''"} node tools/bench/compare.mjs ${args.slice(1, -1).join(' ')}`;
  const loadBefore = load();
  console.error(
    `levers.mjs: row ${i} of ${rows.length - 1} (${row.label}), load ${loadBefore}: ${command}`,
  );
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, {
    cwd: root,
    env: { ...process.env, PREFOPT_LEVERS: row.env },
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  const line = (r.stdout ?? '')
    .trim()
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .pop();
  const base = {
    ...row,
    command,
    loadBefore,
    loadAfter: load(),
    seconds: (performance.now() - t0) / 1000,
  };
  if (r.status !== 0 || !line) {
    // one failed row does not lose the others: it is reported as failed
    const why = (r.stderr ?? '').trim().split('\n').slice(-3).join(' / ');
    console.error(`levers.mjs: row ${i} failed (exit ${r.status}): ${why}`);
    results.push({ ...base, failed: `exit ${r.status}` });
    continue;
  }
  results.push({ ...base, ...JSON.parse(line) });
}
const ok = results.filter((r) => !r.failed);
if (ok.length === 0) {
  console.error('levers.mjs: every row failed');
  process.exit(1);
}

if (opts.json) {
  console.log(JSON.stringify(results));
  process.exit(0);
}
const objectives = opts.objectives.split(',');
const fmt = (x, d = 0) => (x === undefined || Number.isNaN(x) ? '-' : x.toFixed(d));
const head = ['#', 'row', 'PREFOPT_LEVERS', 'threads'];
for (const o of objectives)
  head.push(
    `${o} wall / CPU ms`,
    `${o} optimiser ms`,
    `${o} CPU speed vs PyTorch`,
    `${o} RSS MiB (vs PyTorch)`,
  );
if (objectives.includes('simpo') && objectives.includes('dpo'))
  head.push('SimPO / DPO CPU cost', 'SimPO / DPO RSS');
head.push('load');
console.log(`| ${head.join(' | ')} |`);
console.log(`|${head.map(() => '---').join('|')}|`);
for (const [i, r] of results.entries()) {
  const cells = [String(i), r.label, r.env === '' ? '(unset)' : `\`${r.env}\``, r.threads];
  if (r.failed) {
    console.log(`| ${cells.join(' | ')} | failed (${r.failed}) |`);
    continue;
  }
  for (const o of objectives) {
    const p = r.results[o].prefopt;
    cells.push(
      `${fmt(p.medianStepMs)} / ${fmt(p.medianStepCpuMs)}`,
      fmt(p.phases?.optimizer),
      fmt(r.ratios[`${o}CpuSpeedVsPytorch`], 2),
      `${fmt(p.peakRssMiB)} (${fmt(r.ratios[`${o}PeakRssVsPytorch`], 2)})`,
    );
  }
  if (r.ratios.simpoCpuCostVsDpo !== undefined)
    cells.push(fmt(r.ratios.simpoCpuCostVsDpo, 2), fmt(r.ratios.simpoPeakRssVsDpo, 2));
  cells.push(`${r.loadBefore}–${r.loadAfter}`);
  console.log(`| ${cells.join(' | ')} |`);
}
const torch = ok[0].results[objectives[0]].pytorch;
console.log(
  `\nPyTorch ${torch.torch} in the same runs, CPU ms per row (${ok.map((r) => r.threads).join(', ')} threads): ` +
    objectives
      .map((o) => `${o} ${ok.map((r) => fmt(r.results[o].pytorch.medianStepCpuMs)).join(', ')}`)
      .join('; ') +
    `. ${results.reduce((s, r) => s + r.seconds, 0).toFixed(0)} s in all.`,
);
const last = ok.filter((r) => r.threads === opts.threads).at(-1);
const many = ok.find((r) => r.threads !== opts.threads);
if (many && last)
  for (const o of objectives) {
    const speedup = last.results[o].prefopt.medianStepMs / many.results[o].prefopt.medianStepMs;
    const torchUp = last.results[o].pytorch.medianStepMs / many.results[o].pytorch.medianStepMs;
    console.log(
      `\n${o}: ${many.threads} threads vs ${opts.threads}, wall speed-up ${speedup.toFixed(2)}× ` +
        `(target ≥ 1.6: ${speedup >= 1.6 ? 'met' : 'not met'}; PyTorch ${torchUp.toFixed(2)}×)`,
    );
  }
console.log(`\nTargets, last row on ${opts.threads} thread(s):`);
for (const t of last?.targets ?? [])
  console.log(
    `- ${t.name} ${t.op} ${t.limit}: ${t.value.toFixed(2)} — ${t.met ? 'met' : 'not met'}`,
  );
console.log('\nCommands:');
for (const [i, r] of results.entries()) console.log(`${i}. \`${r.command}\``);
