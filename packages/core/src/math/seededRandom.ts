/**
 * mulberry32 (Tommy Ettinger's 32-bit generator): a tiny seeded PRNG, uniform in [0, 1).
 * Good enough for shuffles, bootstrap resamples and synthetic data; not for cryptography.
 * The same seed gives the same sequence on every platform (32-bit integer arithmetic only).
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
