// Hostile calls against the N-API addon, run in a CHILD process by hostileArguments.spec.ts
// (so a crash shows up as a signal there, not as a dead test runner). argv[2]: the addon.
// For every export: a valid call, then calls with missing/extra arguments, wrong types,
// huge and overflowing sizes, mismatched lengths, aliased outputs, out-of-range targets,
// and zero-sized calls that must succeed. Prints one JSON line per case: {"start": id}
// before the call, then the result; a case whose result line is missing crashed.
import { writeSync } from 'node:fs';
import { createRequire } from 'node:module';

const addon = createRequire(import.meta.url)(process.argv[2]);
const SENTINEL = 12345;

/** A Float32Array / Int32Array of n elements, filled from `fill(i)`. */
const f32 = (n, fill = (i) => Math.sin(i + 1)) =>
  Float32Array.from({ length: n }, (_, i) => fill(i));
const i32 = (values) => Int32Array.from(values);
const out = (n) => new Float32Array(n).fill(SENTINEL);

/**
 * Each export: argument names and kinds ('bool', 'size', 'num', 'in' array, 'out' array)
 * and a builder of a valid call. `valid` must succeed; every mutation of it must throw.
 */
const SIGNATURES = {
  batchMatMul: {
    args: [
      ['transA', 'bool'],
      ['transB', 'bool'],
      ['batch', 'size'],
      ['m', 'size'],
      ['n', 'size'],
      ['k', 'size'],
      ['a', 'in'],
      ['strideA', 'size'],
      ['b', 'in'],
      ['strideB', 'size'],
      ['c', 'out'],
    ],
    // [2, 3, 4]·[2, 2, 4]ᵀ → [2, 3, 2]
    valid: () => [false, true, 2, 3, 2, 4, f32(24), 12, f32(16), 8, out(12)],
  },
  softmax: {
    args: [
      ['x', 'in'],
      ['y', 'out'],
      ['rows', 'size'],
      ['cols', 'size'],
    ],
    valid: () => [f32(6), out(6), 2, 3],
  },
  tokenLogProbs: {
    args: [
      ['logits', 'in'],
      ['targets', 'in'],
      ['out', 'out'],
      ['rows', 'size'],
      ['vocab', 'size'],
    ],
    valid: () => [f32(10), i32([1, 4]), out(2), 2, 5],
  },
  tokenLogProbsGrad: {
    args: [
      ['logits', 'in'],
      ['targets', 'in'],
      ['dy', 'in'],
      ['dx', 'out'],
      ['rows', 'size'],
      ['vocab', 'size'],
    ],
    valid: () => [f32(10), i32([1, 4]), f32(2), out(10), 2, 5],
  },
  rmsNorm: {
    args: [
      ['x', 'in'],
      ['w', 'in'],
      ['eps', 'num'],
      ['y', 'out'],
      ['rows', 'size'],
      ['cols', 'size'],
    ],
    valid: () => [f32(6), f32(3), 1e-5, out(6), 2, 3],
  },
  rmsNormGrad: {
    args: [
      ['x', 'in'],
      ['w', 'in'],
      ['dy', 'in'],
      ['eps', 'num'],
      ['dx', 'out'],
      ['dw', 'out'],
      ['rows', 'size'],
      ['cols', 'size'],
    ],
    valid: () => [f32(6), f32(3), f32(6), 1e-5, out(6), out(3), 2, 3],
  },
  scaledMaskedSoftmax: {
    args: [
      ['x', 'in'],
      ['mask', 'in'],
      ['scale', 'num'],
      ['y', 'out'],
      ['rows', 'size'],
      ['tq', 'size'],
      ['tk', 'size'],
    ],
    valid: () => [f32(12), f32(6, () => 0), 0.5, out(12), 4, 2, 3],
  },
  scaledMaskedSoftmaxGrad: {
    args: [
      ['y', 'in'],
      ['dy', 'in'],
      ['scale', 'num'],
      ['dx', 'out'],
      ['rows', 'size'],
      ['tk', 'size'],
    ],
    valid: () => [f32(6), f32(6), 0.5, out(6), 2, 3],
  },
  setThreads: { args: [['n', 'size']], valid: () => [0] },
  blasConfig: { args: [], valid: () => [] },
};

const HUGE = [2 ** 31, 2 ** 40, 2 ** 53 - 1];
const WRONG = {
  bool: [1, 'true', null, undefined, {}],
  size: ['3', -1, 1.5, NaN, Infinity, 2 ** 53, 1e19, null, undefined, 3n, {}, true],
  num: ['x', NaN, Infinity, -Infinity, null, undefined, 1n],
};

/** Wrong values for an array argument whose valid value is `v`. */
function wrongArrays(v) {
  const n = v.length;
  const other = v instanceof Int32Array ? new Float32Array(n) : new Int32Array(n);
  const detached = new v.constructor(n);
  globalThis.structuredClone(detached.buffer, { transfer: [detached.buffer] }); // length 0 from now on
  return [
    ['null', null],
    ['undefined', undefined],
    ['a string', 'x'],
    ['a number', 42],
    ['an object', {}],
    ['a plain Array', Array.from(v)],
    ['a Float64Array', new Float64Array(n)],
    [`an ${other.constructor.name}`, other],
    ['a Uint8Array of the same bytes', new Uint8Array(n * 4)],
    ['a DataView', new DataView(new ArrayBuffer(n * 4))],
    ['one element short', v.subarray(0, n - 1)],
    ['one element long', new v.constructor(n + 1)],
    ['empty', new v.constructor(0)],
    ['detached', detached],
  ];
}

const cases = [];
const add = (fn, id, args, expect) => cases.push({ fn, id: `${fn}: ${id}`, args, ...expect });

for (const [fn, sig] of Object.entries(SIGNATURES)) {
  const names = sig.args.map(([name]) => name);
  add(fn, 'valid call', sig.valid, { expect: 'ok', category: 'valid' });
  if (sig.args.length) {
    add(fn, 'no arguments', () => [], { pattern: 'takes \\d+ arguments?', category: 'arity' });
    add(fn, 'one argument short', () => sig.valid().slice(0, -1), {
      pattern: 'takes \\d+ arguments?',
      category: 'arity',
    });
  }
  add(fn, 'one argument extra', () => [...sig.valid(), 0], {
    pattern: 'takes \\d+ arguments?',
    category: 'arity',
  });

  sig.args.forEach(([name, kind], i) => {
    const replace = (value) => () => {
      const args = sig.valid();
      args[i] = typeof value === 'function' ? value(args) : value;
      return args;
    };
    if (kind === 'in' || kind === 'out') {
      for (const [what, value] of wrongArrays(sig.valid()[i]))
        add(fn, `${name} ${what}`, replace(value), {
          pattern: `${name} (must be an? |holds |has no memory)`,
          category:
            what.includes('element') || what === 'empty' || what === 'detached'
              ? 'mismatched'
              : 'type',
          arg: name,
        });
      return;
    }
    for (const value of WRONG[kind])
      add(fn, `${name} = ${String(value)}${typeof value === 'bigint' ? 'n' : ''}`, replace(value), {
        pattern: `${name} must be`,
        category: 'type',
        arg: name,
      });
    if (kind === 'num' && name === 'eps')
      add(fn, 'eps = -1', replace(-1), { pattern: 'eps must be ≥ 0', category: 'type', arg: name });
    if (kind !== 'size') return;
    // A size that disagrees with the arrays (setThreads has no arrays: n + 1 is valid there).
    if (fn !== 'setThreads')
      add(
        fn,
        `${name} + 1`,
        replace((args) => args[i] + 1),
        {
          pattern: `(\\w+ holds |\\w+ \\(\\d+\\) must be a multiple)`,
          category: 'mismatched',
        },
      );
    for (const huge of HUGE)
      add(fn, `${name} = ${huge}`, replace(huge), {
        pattern: `(\\w+ holds |.* overflows|\\w+ must be an integer in|\\w+ \\(\\d+\\) must be a multiple)`,
        category: 'huge',
      });
  });

  // Products of sizes that overflow int64: every size huge at once.
  const sizes = sig.args.map(([, kind], i) => (kind === 'size' ? i : -1)).filter((i) => i >= 0);
  if (sizes.length >= 2) {
    add(
      fn,
      'every size 2^31 − 1 … 2^53 − 1',
      () => {
        const args = sig.valid();
        for (const i of sizes)
          args[i] =
            names[i] === 'm' || names[i] === 'n' || names[i] === 'k' ? 2 ** 31 - 1 : 2 ** 53 - 1;
        if (fn === 'scaledMaskedSoftmax') args[sizes[1]] = 1; // tq = 1 keeps rows a multiple of it
        return args;
      },
      { pattern: '.* overflows', category: 'huge' },
    );
  }

  // Aliasing: each output against every other array argument, overlapping by all but one element.
  sig.args.forEach(([outName, kind], o) => {
    if (kind !== 'out') return;
    sig.args.forEach(([otherName, otherKind], j) => {
      if (j === o || (otherKind !== 'in' && otherKind !== 'out')) return;
      for (const [what, shift] of [
        ['the same bytes', 0],
        ['overlapping', 1],
      ]) {
        add(
          fn,
          `${outName} aliases ${otherName} (${what})`,
          () => {
            const args = sig.valid();
            const a = args[j],
              b = args[o];
            const shared = new ArrayBuffer((Math.max(a.length, b.length) + 1) * 4);
            args[j] = new a.constructor(shared, 0, a.length);
            args[j].set(a);
            args[o] = new b.constructor(shared, shift * 4, b.length);
            return args;
          },
          {
            pattern: `output (${outName} overlaps (input|output) ${otherName}|${otherName} overlaps output ${outName})`,
            category: 'aliased',
            arg: outName,
          },
        );
      }
    });
  });
}

// Semantic checks.
for (const fn of ['tokenLogProbs', 'tokenLogProbsGrad']) {
  for (const bad of [-1, 5, 2 ** 31 - 1])
    add(
      fn,
      `target id ${bad}`,
      () => {
        const a = SIGNATURES[fn].valid();
        a[1] = i32([1, bad]);
        return a;
      },
      { pattern: `targets\\[1\\] = ${bad} is outside`, category: 'type', arg: 'targets' },
    );
  add(
    fn,
    'rows 2 over an empty vocabulary',
    () => {
      const a = SIGNATURES[fn].valid();
      a[0] = new Float32Array(0);
      if (fn === 'tokenLogProbsGrad') a[3] = new Float32Array(0);
      a[a.length - 1] = 0;
      return a;
    },
    {
      pattern: 'targets\\[0\\] = 1 is outside \\[0, vocab = 0\\)',
      category: 'zero',
      arg: 'targets',
    },
  );
}
add(
  'scaledMaskedSoftmax',
  'rows not a multiple of tq',
  () => [f32(9), f32(6), 0.5, out(9), 3, 2, 3],
  { pattern: 'rows \\(3\\) must be a multiple of tq', category: 'mismatched', arg: 'rows' },
);
add('scaledMaskedSoftmax', 'tq = 0 with rows', () => [f32(12), f32(0), 0.5, out(12), 4, 0, 3], {
  pattern: 'rows \\(4\\) must be a multiple of tq \\(0\\)',
  category: 'zero',
  arg: 'rows',
});

// Zero sizes: empty results, or zeros for sums over an empty axis.
const zeros = (n) => new Float32Array(n);
const ok = (fn, id, args, expectOut) =>
  add(fn, id, args, { expect: 'ok', category: 'zero', expectOut });
ok('softmax', 'rows 3, cols 0 (the old NULL read)', () => [zeros(0), zeros(0), 3, 0]);
ok('softmax', 'rows 0, cols 5', () => [zeros(0), zeros(0), 0, 5]);
ok(
  'batchMatMul',
  'k = 0 gives zeros',
  () => [false, false, 2, 3, 2, 0, zeros(0), 0, zeros(0), 0, out(12)],
  { 10: zeros(12) },
);
ok('batchMatMul', 'batch 0', () => [false, false, 0, 3, 2, 4, zeros(0), 12, zeros(8), 0, zeros(0)]);
ok('batchMatMul', 'm 0', () => [true, false, 2, 0, 2, 4, zeros(0), 0, zeros(16), 8, zeros(0)]);
ok('tokenLogProbs', 'rows 0', () => [zeros(0), new Int32Array(0), zeros(0), 0, 5]);
ok('tokenLogProbsGrad', 'rows 0', () => [zeros(0), new Int32Array(0), zeros(0), zeros(0), 0, 5]);
ok('rmsNorm', 'rows 0', () => [zeros(0), f32(3), 1e-5, zeros(0), 0, 3]);
ok('rmsNorm', 'cols 0', () => [zeros(0), zeros(0), 1e-5, zeros(0), 2, 0]);
ok(
  'rmsNormGrad',
  'rows 0 gives dw = 0',
  () => [zeros(0), f32(3), zeros(0), 1e-5, zeros(0), out(3), 0, 3],
  { 5: zeros(3) },
);
ok('rmsNormGrad', 'cols 0', () => [zeros(0), zeros(0), zeros(0), 1e-5, zeros(0), zeros(0), 2, 0]);
ok('scaledMaskedSoftmax', 'rows 0, tq 0', () => [zeros(0), zeros(0), 0.5, zeros(0), 0, 0, 3]);
ok('scaledMaskedSoftmax', 'tk 0', () => [zeros(0), zeros(0), 0.5, zeros(0), 4, 2, 0]);
ok('scaledMaskedSoftmaxGrad', 'rows 0', () => [zeros(0), zeros(0), 0.5, zeros(0), 0, 3]);

const print = (o) => writeSync(1, `${JSON.stringify(o)}\n`);
const outputsOf = (fn, args) =>
  SIGNATURES[fn].args
    .map(([, kind], i) => (kind === 'out' && ArrayBuffer.isView(args[i]) ? i : -1))
    .filter((i) => i >= 0);

print({ exports: Object.keys(addon) });
for (const c of cases) {
  print({ start: c.id });
  const args = c.args();
  const watched = outputsOf(c.fn, args).map((i) => [i, args[i].length ? Array.from(args[i]) : []]);
  let error;
  let result;
  try {
    result = addon[c.fn](...args);
  } catch (e) {
    error = e;
  }
  const intact = watched.every(([i, before]) => before.every((v, j) => Object.is(v, args[i][j])));
  const outOk = Object.entries(c.expectOut ?? {}).every(([i, want]) =>
    want.every((v, j) => v === args[Number(i)][j]),
  );
  print({
    id: c.id,
    fn: c.fn,
    category: c.category,
    expect: c.expect ?? 'throw',
    pattern: c.pattern,
    threw: error !== undefined,
    errorType: error?.constructor?.name,
    code: error?.code,
    message: error?.message,
    intact,
    outOk,
    result: typeof result === 'string' || typeof result === 'number' ? result : undefined,
  });
}
print({ done: cases.length });
