import * as tf from '@tensorflow/tfjs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { useCpuBackend } from '@prefopt/testing';
import { AdamW, type AdamWSettings } from './AdamW';
import { sumSquares } from './flatAdamWKernel';
import { FlatMoments } from './FlatMoments';

// The flatAdamW lever (one fused host pass per variable, moments in flat buffers) against the
// plain tfjs path (clipByGlobalNorm + AdamW.apply as ~15 tfjs ops per variable).
const SHAPES = [[6, 5], [5], [2, 3, 4], [7, 3]];
const SETTINGS: Partial<AdamWSettings> = { weightDecay: 0.1 };
const LRS = [1e-2, 5e-3, 2e-2, 1e-3, 8e-3, 1e-2];

function withLevers<T>(levers: string, f: () => T): T {
  const saved = process.env.PREFOPT_LEVERS;
  process.env.PREFOPT_LEVERS = levers;
  try {
    return f();
  } finally {
    if (saved === undefined) delete process.env.PREFOPT_LEVERS;
    else process.env.PREFOPT_LEVERS = saved;
  }
}

function makeVariables(): tf.Variable[] {
  return SHAPES.map((s, i) => tf.variable(tf.randomNormal(s, 0, 1, 'float32', 10 + i)));
}

/** Gradients of step `t`, seeded; `scale` large makes clipping bite. */
function gradsAt(t: number, scale: number): tf.Tensor[] {
  return SHAPES.map((s, i) => tf.randomNormal(s, 0, scale, 'float32', 1000 + 100 * t + i)); // seed 0 is unseeded
}

async function train(flat: boolean, maxNorm: number, scale: number, steps = LRS.length) {
  const vars = makeVariables();
  const opt = withLevers(flat ? '' : 'flatAdamW', () => new AdamW(vars, SETTINGS));
  expect(opt.isFlat).toBe(flat);
  const norms: number[] = [];
  for (let t = 0; t < steps; t++) {
    const grads = gradsAt(t, scale);
    const before = tf.memory().numTensors;
    const update = await opt.prepare(grads, maxNorm);
    tf.dispose(grads);
    update.apply(LRS[t]);
    expect(tf.memory().numTensors).toBe(before - grads.length); // nothing left behind
    norms.push(update.norm);
  }
  const weights = vars.map((v) => Array.from(v.dataSync()));
  const state = await opt.getState();
  return { vars, opt, weights, state, norms };
}

function expectClose(a: ArrayLike<number>, b: ArrayLike<number>, rel = 2e-5, abs = 1e-7): void {
  expect(a.length).toBe(b.length);
  for (let k = 0; k < a.length; k++) {
    const tol = abs + rel * Math.abs(b[k]);
    if (Math.abs(a[k] - b[k]) > tol) expect(a[k]).toBe(b[k]); // prints both values
  }
}

describe('AdamW, lever flatAdamW against the plain tfjs path', () => {
  beforeAll(useCpuBackend);
  afterEach(() => tf.disposeVariables());

  it.each([
    ['clipping active', 0.5, 3],
    ['clipping inactive', 1e6, 0.1],
    ['clipping off (maxNorm 0)', 0, 3],
  ])('gives the same weights, moments and norms over 6 steps, %s', async (_, maxNorm, scale) => {
    const flat = await train(true, maxNorm, scale);
    const plain = await train(false, maxNorm, scale);
    flat.weights.forEach((w, i) => expectClose(w, plain.weights[i]));
    if (maxNorm !== 0.5) {
      // unclipped, the SIMD kernel is the plain path's float32 op chain: the same bits (the
      // norm, summed in float64 here, only matters when it clips)
      expect(flat.weights).toEqual(plain.weights);
      expect(flat.state.m).toEqual(plain.state.m);
      expect(flat.state.v).toEqual(plain.state.v);
    }
    flat.state.m.forEach((m, i) => expectClose(m, plain.state.m[i]));
    flat.state.v.forEach((v, i) => expectClose(v, plain.state.v[i]));
    expectClose(flat.norms, plain.norms, 1e-6);
    expect(flat.state.step).toBe(6);
    expect(flat.state.names).toEqual(flat.vars.map((v) => v.name));
    // the weights moved, and the decayed matrices differ from an undecayed run
    expect(flat.weights[0]).not.toEqual(Array.from(makeVariables()[0].dataSync()));
    flat.opt.dispose();
    plain.opt.dispose();
  });

  it('decays matrices only: with lr·λ = 1 and zero gradients a matrix goes to 0, a vector stays', async () => {
    const [w, b] = [tf.variable(tf.ones([2, 2])), tf.variable(tf.ones([3]))];
    const opt = withLevers('', () => new AdamW([w, b], { weightDecay: 1 }));
    const update = await opt.prepare([tf.zeros([2, 2]), tf.zeros([3])], 1);
    update.apply(1);
    expect(Array.from(w.dataSync())).toEqual([0, 0, 0, 0]);
    expect(Array.from(b.dataSync())).toEqual([1, 1, 1]);
    opt.dispose();
  });

  it('resumes across paths: state saved by one continues on the other', async () => {
    const ref = await train(true, 0.5, 3);
    for (const [first, second] of [
      [true, false],
      [false, true],
    ]) {
      const a = await train(first, 0.5, 3, 3);
      const b = withLevers(second ? '' : 'flatAdamW', () => new AdamW(a.vars, SETTINGS));
      b.setState(a.state);
      for (let t = 3; t < LRS.length; t++) {
        const grads = gradsAt(t, 3);
        const u = await b.prepare(grads, 0.5);
        tf.dispose(grads);
        u.apply(LRS[t]);
      }
      a.vars.forEach((v, i) => expectClose(v.dataSync(), ref.weights[i]));
      a.opt.dispose();
      b.dispose();
    }
    ref.opt.dispose();
  });

  it('discard leaves weights, moments and the tensor count as they were', async () => {
    const vars = makeVariables();
    const opt = withLevers('', () => new AdamW(vars, SETTINGS));
    const w0 = vars.map((v) => Array.from(v.dataSync()));
    const grads = gradsAt(0, 1);
    const before = tf.memory().numTensors;
    const update = await opt.prepare(grads, 1);
    update.discard();
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose(grads);
    expect(vars.map((v) => Array.from(v.dataSync()))).toEqual(w0);
    expect(opt.step).toBe(0);
    expect((await opt.getState()).m.every((m) => m.every((x) => x === 0))).toBe(true);
    opt.dispose();
  });

  it('notices weights assigned from outside between updates', async () => {
    const run = async (flat: boolean) => {
      const vars = makeVariables();
      const opt = withLevers(flat ? '' : 'flatAdamW', () => new AdamW(vars, SETTINGS));
      for (let t = 0; t < 3; t++) {
        if (t === 2) vars[1].assign(tf.fill([5], 0.25)); // e.g. a restored checkpoint
        const grads = gradsAt(t, 1);
        (await opt.prepare(grads, 1)).apply(LRS[t]);
        tf.dispose(grads);
      }
      const out = vars.map((v) => Array.from(v.dataSync()));
      opt.dispose();
      return out;
    };
    const [flat, plain] = [await run(true), await run(false)];
    flat.forEach((w, i) => expectClose(w, plain[i]));
  });
});

describe('sumSquares', () => {
  it('sums x² for lengths 0 to 9 (the four partial sums and the tail)', () => {
    for (let n = 0; n < 10; n++) {
      const x = Float32Array.from({ length: n }, (_, k) => k - 2.5);
      const expected = Array.from(x).reduce((s, v) => s + v * v, 0);
      expect(sumSquares(x)).toBe(expected);
    }
  });
});

describe('FlatMoments, JavaScript kernel (where WebAssembly SIMD is missing)', () => {
  beforeAll(useCpuBackend);
  afterEach(() => tf.disposeVariables());

  it('updates as the SIMD kernel does, within float32 rounding', () => {
    const s = {
      beta1: 0.9,
      oneMinusBeta1: 0.1,
      beta2: 0.999,
      oneMinusBeta2: 0.001,
      epsilon: 1e-8,
      bc2Sqrt: Math.sqrt(1 - 0.999),
      stepSize: 1e-2 / 0.1,
      keep: 1 - 1e-3,
      coef: 0.5,
    };
    const [a, b] = [true, false].map((simd) => {
      const vars = makeVariables();
      const flat = new FlatMoments(vars, simd);
      expect(flat.usesSimd).toBe(simd);
      for (let t = 0; t < 3; t++) {
        const grads = gradsAt(t, 1);
        flat.gather(grads);
        tf.dispose(grads);
        flat.update(s, (p) => p.rank >= 2);
      }
      return vars.map((v) => Array.from(v.dataSync()));
    });
    a.forEach((w, i) => expectClose(b[i], w));
  });
});
