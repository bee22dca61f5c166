/**
 * A permutation of 0..n−1 that depends only on (`seed`, `stream`): Fisher–Yates driven by
 * mulberry32 seeded from a mix of both. `stream` separates uses of one seed (each epoch's
 * order, the train/eval split), so resuming at any epoch recomputes the same order.
 */
export function seededPermutation(n: number, seed: number, stream = 0): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  const next = mulberry32(mix(seed, stream));
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}

/** Two 32-bit values → one well-mixed 32-bit seed (murmur3's finaliser on a combination). */
function mix(a: number, b: number): number {
  let h = (Math.imul(a | 0, 0x9e3779b1) ^ Math.imul((b | 0) + 0x7f4a7c15, 0x85ebca6b)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** mulberry32: a small, fast 32-bit PRNG; numbers in [0, 1). */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
