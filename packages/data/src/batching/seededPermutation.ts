import { seededRandom } from '@prefopt/core';

/**
 * A permutation of 0..n−1 that depends only on (`seed`, `stream`): Fisher–Yates driven by
 * mulberry32 seeded from a mix of both. `stream` separates uses of one seed (each epoch's
 * order, the train/eval split), so resuming at any epoch recomputes the same order.
 */
export function seededPermutation(n: number, seed: number, stream = 0): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  const next = seededRandom(mix(seed, stream));
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
