import { seededRandom } from '@prefopt/core';

/** A seeded pseudo-random source: the same seed gives the same sequence on every machine. */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [lo, hi] (both included). */
  int(lo: number, hi: number): number;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
  /** An index drawn with the given (unnormalised, non-negative) weights. */
  weighted(weights: readonly number[]): number;
}

/** An Rng over core's seeded mulberry32: good enough to draw a synthetic data set. */
export function createRng(seed: number): Rng {
  const next = seededRandom(seed);
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (items) => items[Math.floor(next() * items.length)],
    weighted: (weights) => {
      const total = weights.reduce((a, b) => a + b, 0);
      let u = next() * total;
      for (let i = 0; i < weights.length; i++) {
        u -= weights[i];
        if (u < 0) return i;
      }
      return weights.length - 1;
    },
  };
}
