import { describe, expect, it } from 'vitest';
import { createSimdAdamW } from './simdAdamW';

// The WebAssembly SIMD kernel against a scalar float32 reference written out here: every
// operation rounded to float32 (Math.fround), in the order of the plain path's tfjs ops.
const f = Math.fround;

function reference(
  p: number,
  g: number,
  m: number,
  v: number,
  [coef, b1, ob1, b2, ob2, bc2, eps, step, keep]: number[],
) {
  const gk = f(g * coef);
  const mk = f(f(m * b1) + f(gk * ob1));
  const vk = f(f(v * b2) + f(f(gk * gk) * ob2));
  const denom = f(f(f(Math.sqrt(vk)) / bc2) + eps);
  return { p: f(f(p * keep) - f(f(mk / denom) * step)), m: mk, v: vk };
}

describe('simdAdamW', () => {
  it('gives the float32 op chain bit for bit, and leaves memory past n alone', () => {
    const k = createSimdAdamW();
    expect(k).not.toBeNull(); // Node 20 has WebAssembly SIMD
    const n = 4096;
    k!.memory.grow(1);
    const [P, G, M, V] = [0, 1, 2, 3].map((r) => r * (n + 4) * 4);
    const view = (at: number) => new Float32Array(k!.memory.buffer, at, n + 4);
    const [p, g, m, v] = [P, G, M, V].map(view);
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31 - 0.5;
    for (let i = 0; i < n + 4; i++) {
      [p[i], g[i], m[i], v[i]] = [rand(), rand() * 0.02, rand() * 1e-3, (rand() + 0.5) * 1e-5];
    }
    v[5] = 0; // √0
    g[6] = 0;
    const before = [p, g, m, v].map((x) => x.slice());
    const scalars = [
      0.37,
      0.9,
      0.1,
      0.999,
      1 - 0.999,
      Math.sqrt(1 - 0.999 ** 3),
      1e-8,
      2e-3,
      0.999,
    ].map(f);
    k!.adamw(
      P,
      G,
      M,
      V,
      n,
      ...(scalars as [number, number, number, number, number, number, number, number, number]),
    );
    for (let i = 0; i < n; i++) {
      const r = reference(before[0][i], before[1][i], before[2][i], before[3][i], scalars);
      if (p[i] !== r.p || m[i] !== r.m || v[i] !== r.v)
        expect([i, p[i], m[i], v[i]]).toEqual([i, r.p, r.m, r.v]);
    }
    for (let i = n; i < n + 4; i++) {
      expect([p[i], g[i], m[i], v[i]]).toEqual(before.map((x) => x[i]));
    }
  });
});
