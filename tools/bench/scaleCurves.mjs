#!/usr/bin/env node
// Scale curves: runs tools/bench/compare.mjs (--json) at each point — sequence length 128,
// 256, 512, 1024 at the reference model, and model size 3M (the reference shape), 25M and
// ~110M parameters at seq 256 — and writes the results (JSON), two SVG figures (step CPU time
// and peak RSS, prefopt and PyTorch side by side) and prints a markdown table.
// Usage (from the repository root):
//   node tools/bench/scaleCurves.mjs [--points seq128,seq256,...,m25,m110] [--steps 2]
//       [--warmup 1] [--objective simpo|dpo] [--backend node] [--batch 4] [--threads 1]
//       [--out docs/perf] [--fresh] [--plot-only]
// Resumable: each finished point is saved to OUT/scale.json at once, and a later run skips
// points already there with the same steps/warmup/objective/backend/batch/threads (--fresh
// re-runs them). --plot-only redraws the SVGs and the table from OUT/scale.json.
// --steps-for m110=1 (comma list of point=steps) overrides --steps for single points.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync, renameSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { figureSvg } from './svgPlot.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const REF = { dim: 256, hiddenDim: 688, layers: 4, heads: 4, kvHeads: 4, vocab: 512 };
const M25 = { dim: 512, hiddenDim: 1376, layers: 6, heads: 8, kvHeads: 8, vocab: 8192 };
const M110 = { dim: 768, hiddenDim: 2048, layers: 12, heads: 12, kvHeads: 12, vocab: 32000 };

/** Every point: id, which curves it belongs to, model shape, sequence length. */
export const POINTS = [
  { id: 'seq128', curves: ['seq'], model: REF, seq: 128 },
  { id: 'seq256', curves: ['seq', 'model'], model: REF, seq: 256 }, // also the 3M model point
  { id: 'seq512', curves: ['seq'], model: REF, seq: 512 },
  { id: 'seq1024', curves: ['seq'], model: REF, seq: 1024 },
  { id: 'm25', curves: ['model'], model: M25, seq: 256 },
  { id: 'm110', curves: ['model'], model: M110, seq: 256 },
];

/** Parameters of the Llama shape (tied embedding/head, RMSNorm weights), as torch counts them. */
export function paramCount(m) {
  const hd = m.dim / m.heads;
  const attn = m.dim * m.heads * hd * 2 + m.dim * m.kvHeads * hd * 2;
  const ffn = 3 * m.dim * m.hiddenDim;
  return m.vocab * m.dim + m.layers * (attn + ffn + 2 * m.dim) + m.dim;
}

function parseArgs(argv) {
  const o = {
    points: POINTS.map((p) => p.id).join(','),
    steps: '2',
    warmup: '1',
    objective: 'simpo',
    backend: 'node',
    batch: '4',
    threads: '1',
    out: 'docs/perf',
    stepsFor: '',
    fresh: false,
    plotOnly: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const key = argv[i].replace(/^--/, '').replace(/-([a-z])/g, (_, c) => c.toUpperCase());
    if (key === 'fresh' || key === 'plotOnly') o[key] = true;
    else if (key in o && typeof o[key] === 'string' && i + 1 < argv.length) o[key] = argv[++i];
    else {
      console.error(
        `scaleCurves.mjs: unknown flag ${argv[i]}; flags: --points, --steps, --warmup, --objective, --backend, --batch, --threads, --out, --steps-for, --fresh, --plot-only`,
      );
      process.exit(2);
    }
  }
  const ids = o.points.split(',').filter(Boolean);
  const bad = ids.filter((id) => !POINTS.some((p) => p.id === id));
  if (bad.length) {
    console.error(
      `scaleCurves.mjs: unknown point ${bad.join(', ')}; points: ${POINTS.map((p) => p.id).join(', ')}`,
    );
    process.exit(2);
  }
  if (!['simpo', 'dpo'].includes(o.objective)) {
    console.error(`scaleCurves.mjs: --objective ${o.objective}: use simpo or dpo`);
    process.exit(2);
  }
  o.ids = ids;
  o.stepsForMap = Object.fromEntries(
    o.stepsFor
      .split(',')
      .filter(Boolean)
      .map((kv) => kv.split('=')),
  );
  return o;
}

/** Runs compare.mjs --json for one point; resolves to its parsed result or { error }. */
function runPoint(point, o, steps) {
  const modelConfig = JSON.stringify({ ...point.model, seqLen: point.seq });
  const args = [
    join(root, 'tools/bench/compare.mjs'),
    '--json',
    '--model-config',
    modelConfig,
    '--seq',
    String(point.seq),
    '--batch',
    o.batch,
    '--threads',
    o.threads,
    '--steps',
    steps,
    '--warmup',
    o.warmup,
    '--objectives',
    o.objective,
    '--backend',
    o.backend,
  ];
  return new Promise((done) => {
    const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('close', (code) => {
      const line = out
        .trim()
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .pop();
      if (code === 0 && line) return done(JSON.parse(line));
      const why = err.trim().split('\n').slice(-3).join(' | ') || `exit ${code}`;
      done({ error: why.slice(0, 600) });
    });
  });
}

function settingsOf(o, steps) {
  return {
    steps: Number(steps),
    warmup: Number(o.warmup),
    objective: o.objective,
    backend: o.backend,
    batch: Number(o.batch),
    threads: Number(o.threads),
  };
}
const sameSettings = (a, b) => Object.keys(b).every((k) => a?.[k] === b[k]);

function readState(file) {
  if (!existsSync(file)) return { points: {} };
  return JSON.parse(readFileSync(file, 'utf8'));
}
function writeState(file, state) {
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(state, null, 2)}\n`);
  renameSync(tmp, file); // an interrupted run never leaves a half-written file
}

/** The curve rows: { point, x, prefopt, pytorch } for the points of one curve that have results. */
function curveRows(state, curve, objective) {
  return POINTS.filter((p) => p.curves.includes(curve) && state.points[p.id]?.results)
    .map((p) => {
      const r = state.points[p.id].results[objective];
      return r && { point: p, x: curve === 'seq' ? p.seq : paramCount(p.model), ...r };
    })
    .filter(Boolean);
}

const STYLE = {
  prefopt: { color: '#1f77b4', dash: '', marker: 'circle' },
  pytorch: { color: '#d62728', dash: '6 4', marker: 'square' },
};

function figure(state, curve, objective) {
  const rows = curveRows(state, curve, objective);
  const backend = rows[0]?.prefopt?.backend ?? state.settings?.backend ?? '?';
  const torch = rows[0]?.pytorch?.torch ?? '2.x';
  const series = (field) => [
    {
      name: `prefopt (${backend})`,
      ...STYLE.prefopt,
      points: rows.map((r) => [r.x, r.prefopt[field]]),
    },
    {
      name: `PyTorch ${torch} CPU`,
      ...STYLE.pytorch,
      points: rows.map((r) => [r.x, r.pytorch[field]]),
    },
  ];
  const xs = rows.map((r) => r.x);
  const seq = curve === 'seq';
  const xLabel = seq ? 'sequence length, tokens per row' : 'model parameters';
  const xLog = true; // 128..1024 and 3M..110M both span ~1-1.5 decades
  const common = {
    xLabel,
    xLog,
    xTicks: xs,
    xTickFormat: seq ? String : (v) => `${(v / 1e6).toFixed(v < 1e7 ? 1 : 0)}M`,
  };
  const ys = (f) => rows.flatMap((r) => [r.prefopt[f], r.pytorch[f]]).filter((v) => v > 0);
  const spans = (f) => (ys(f).length ? Math.max(...ys(f)) / Math.min(...ys(f)) : 1);
  const s = state.settings ?? {};
  // steps per point can differ (--steps-for): name the exceptions
  const stepsOf = (r) => state.points[r.point.id].settings.steps;
  const odd = rows.filter((r) => stepsOf(r) !== s.steps);
  const steps = `medians of ${s.steps} steps${odd.map((r) => `, ${stepsOf(r)} at ${r.point.id}`).join('')}`;
  return figureSvg({
    panels: [
      {
        ...common,
        title: `${objective} step CPU time`,
        yLabel: 'CPU ms per step',
        yLog: spans('medianStepCpuMs') > 8,
        series: series('medianStepCpuMs'),
      },
      {
        ...common,
        title: 'peak resident memory',
        yLabel: 'peak RSS (MiB)',
        yLog: spans('peakRssMiB') > 8,
        series: series('peakRssMiB'),
      },
    ],
    caption: seq
      ? `dim 256, 4 layers, vocab 512; ${s.batch} pairs, ${s.threads} thread; ${steps}; process CPU time`
      : `seq 256, ${s.batch} pairs, ${s.threads} thread; ${steps}; process CPU time`,
  });
}

function table(state, objective) {
  const lines = [
    '| point | params | seq | prefopt step wall / CPU ms | PyTorch step wall / CPU ms | CPU speed vs PyTorch | prefopt peak RSS MiB | PyTorch peak RSS MiB | RSS ratio | steps | load |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const p of POINTS) {
    const e = state.points[p.id];
    if (!e) continue;
    const params = `${(paramCount(p.model) / 1e6).toFixed(1)}M`;
    if (e.error || !e.results?.[objective]) {
      lines.push(
        `| ${p.id} | ${params} | ${p.seq} | failed: ${e.error ?? 'no result'} | | | | | | | |`,
      );
      continue;
    }
    const { prefopt: a, pytorch: b } = e.results[objective];
    const r = (x) => Math.round(x);
    lines.push(
      `| ${p.id} | ${params} | ${p.seq} | ${r(a.medianStepMs)} / ${r(a.medianStepCpuMs)} | ${r(b.medianStepMs)} / ${r(b.medianStepCpuMs)} | ${(b.medianStepCpuMs / a.medianStepCpuMs).toFixed(2)} | ${r(a.peakRssMiB)} | ${r(b.peakRssMiB)} | ${(a.peakRssMiB / b.peakRssMiB).toFixed(2)} | ${e.settings.steps} | ${e.load.map((l) => l.toFixed(1)).join('–')} |`,
    );
  }
  return lines.join('\n');
}

async function main() {
  const o = parseArgs(process.argv.slice(2));
  const outDir = resolve(root, o.out);
  mkdirSync(outDir, { recursive: true });
  const file = join(outDir, 'scale.json');
  const state = readState(file);
  state.settings = settingsOf(o, o.steps);
  if (!o.plotOnly)
    state.command = `node tools/bench/scaleCurves.mjs ${process.argv.slice(2).join(' ')}`.trim();
  if (!o.plotOnly) {
    const todo = o.ids.map((id) => POINTS.find((p) => p.id === id));
    const t0 = Date.now();
    for (const [i, p] of todo.entries()) {
      const steps = o.stepsForMap[p.id] ?? o.steps;
      const settings = settingsOf(o, steps);
      const have = state.points[p.id];
      const tag = `[${i + 1}/${todo.length}] ${p.id} (${(paramCount(p.model) / 1e6).toFixed(1)}M params, seq ${p.seq})`;
      if (!o.fresh && have?.results && sameSettings(have.settings, settings)) {
        console.error(`${tag}: already in ${o.out}/scale.json, skipped (--fresh re-runs it)`);
        continue;
      }
      const l0 = loadavg()[0];
      const s0 = Date.now();
      console.error(
        `${tag}: running compare.mjs (${steps} steps + ${o.warmup} warm-up, ${o.objective}, --backend ${o.backend}), load ${l0.toFixed(1)} ...`,
      );
      const r = await runPoint(p, o, steps);
      const l1 = loadavg()[0];
      const secs = (Date.now() - s0) / 1e3;
      state.points[p.id] = {
        settings,
        load: [l0, l1],
        wallSeconds: secs,
        finishedAt: new Date().toISOString(),
        ...(r.error ? { error: r.error } : { results: r.results }),
      };
      writeState(file, state);
      const res = r.results?.[o.objective];
      console.error(
        r.error
          ? `${tag}: failed after ${secs.toFixed(0)} s: ${r.error}`
          : `${tag}: done in ${secs.toFixed(0)} s — prefopt ${res.prefopt.medianStepCpuMs.toFixed(0)} CPU ms, PyTorch ${res.pytorch.medianStepCpuMs.toFixed(0)} CPU ms (total ${((Date.now() - t0) / 60e3).toFixed(1)} min)`,
      );
    }
  }
  writeState(file, state);
  for (const curve of ['seq', 'model']) {
    const svg = join(outDir, `scale-${curve}.svg`);
    writeFileSync(svg, figure(state, curve, o.objective));
    console.error(`wrote ${join(o.out, `scale-${curve}.svg`)}`);
  }
  console.log(table(state, o.objective));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
