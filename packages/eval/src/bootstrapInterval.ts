import { PrefoptError, seededRandom } from '@prefopt/core';

export interface Interval {
  /** The statistic on the full sample. */
  value: number;
  /** Percentile bootstrap bounds at `level` (e.g. 0.025 and 0.975 quantiles for 0.95). */
  low: number;
  high: number;
  level: number;
}

export interface BootstrapOptions {
  /** Resamples (default 1000). */
  samples?: number;
  /** Coverage (default 0.95). */
  level?: number;
  /** Seed of the resampling (default 0): the same seed gives the same interval. */
  seed?: number;
}

/**
 * Percentile bootstrap interval of a statistic over `n` exchangeable units (prompts, or
 * prompt × seed cells): each resample draws `n` unit indices with replacement and evaluates
 * `statistic` on them. Deterministic for a seed.
 */
export function bootstrapInterval(
  n: number,
  statistic: (indices: readonly number[]) => number,
  options: BootstrapOptions = {},
): Interval {
  const samples = options.samples ?? 1000;
  const level = options.level ?? 0.95;
  if (!Number.isInteger(n) || n < 1) {
    throw new PrefoptError('input', `bootstrapInterval: needs at least one unit, got n = ${n}.`);
  }
  if (!Number.isInteger(samples) || samples < 2 || !(level > 0 && level < 1)) {
    throw new PrefoptError(
      'input',
      `bootstrapInterval: samples must be an integer ≥ 2 and level in (0, 1), got ${samples} and ${level}.`,
    );
  }
  const all = Array.from({ length: n }, (_, i) => i);
  const value = statistic(all);
  const random = seededRandom(options.seed ?? 0);
  const stats: number[] = [];
  const indices = new Array<number>(n);
  for (let s = 0; s < samples; s++) {
    for (let i = 0; i < n; i++) indices[i] = Math.floor(random() * n);
    stats.push(statistic(indices));
  }
  stats.sort((a, b) => a - b);
  const alpha = (1 - level) / 2;
  return { value, low: quantile(stats, alpha), high: quantile(stats, 1 - alpha), level };
}

/** Linear-interpolated quantile of sorted values (numpy's default). */
export function quantile(sorted: readonly number[], q: number): number {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}
