/**
 * Deterministic inputs for backend checks: `count` floats in [-scale, scale) from a
 * 32-bit LCG (Numerical Recipes constants), so every backend sees the same numbers
 * without touching tfjs's random state.
 */
export function backendTestValues(count: number, seed: number, scale = 1): Float32Array {
  const out = new Float32Array(count);
  let state = (seed * 2654435761) >>> 0;
  for (let i = 0; i < count; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    out[i] = (state / 2 ** 32) * 2 * scale - scale;
  }
  return out;
}
