/** The scalars of one AdamW step. */
export interface AdamWScalars {
  beta1: number; // β1
  oneMinusBeta1: number; // 1 − β1
  beta2: number; // β2
  oneMinusBeta2: number; // 1 − β2
  epsilon: number; // ε
  bc2Sqrt: number; // √(1 − β2^t)
  stepSize: number; // lr / (1 − β1^t)
  keep: number; // 1 − lr·λ (decayed variables only)
  coef: number; // the clipping coefficient, 1 when clipping is inactive
}

/**
 * One AdamW update of one variable over host arrays, element by element in a single pass
 * (what the plain path runs as ~15 tfjs ops, each a pass over the whole tensor):
 *   g ← g·coef;  m ← β1·m + (1−β1)·g;  v ← β2·v + (1−β2)·g²
 *   p ← p·keep (decayed only);  p ← p − stepSize · m / (√v / bc2Sqrt + ε)
 * The arithmetic runs in float64 and rounds to float32 where it is stored (m, v, the new
 * weight), so it equals the plain path's float32 op chain within float32 rounding (the
 * plain path rounds after every op; emulating that with Math.fround costs 2.5× here).
 * `g`, `m`, `v` are views of the flat buffers at the variable's offset (length n); `m` and
 * `v` are updated in place, the new weights go to `out` (`p` is only read).
 */
export function adamwKernel(
  p: Float32Array, // [n] current weights
  g: Float32Array, // [n] gradient (before clipping)
  m: Float32Array, // [n] first moment, in place
  v: Float32Array, // [n] second moment, in place
  out: Float32Array, // [n] new weights
  s: AdamWScalars,
  decay: boolean,
): void {
  const { beta1, oneMinusBeta1, beta2, oneMinusBeta2, epsilon, stepSize, coef } = s;
  const invBc2 = 1 / s.bc2Sqrt;
  const keep = decay ? s.keep : 1;
  const n = p.length;
  for (let k = 0; k < n; k++) {
    const gk = g[k] * coef;
    const mk = m[k] * beta1 + gk * oneMinusBeta1;
    const vk = v[k] * beta2 + gk * gk * oneMinusBeta2;
    out[k] = p[k] * keep - (mk / (Math.sqrt(vk) * invBc2 + epsilon)) * stepSize;
    m[k] = mk;
    v[k] = vk;
  }
}

/** Σ x² in float64 (four partial sums: the additions do not wait on each other). */
export function sumSquares(x: Float32Array): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  const n4 = x.length - (x.length % 4);
  for (let k = 0; k < n4; k += 4) {
    s0 += x[k] * x[k];
    s1 += x[k + 1] * x[k + 1];
    s2 += x[k + 2] * x[k + 2];
    s3 += x[k + 3] * x[k + 3];
  }
  for (let k = n4; k < x.length; k++) s0 += x[k] * x[k];
  return s0 + s1 + s2 + s3;
}
