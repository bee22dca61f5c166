import { describe, expect, it } from 'vitest';
import { bootstrapInterval, quantile } from './bootstrapInterval';

describe('bootstrapInterval', () => {
  const values = [0, 1, 1, 0, 1, 1, 1, 0, 1, 0.5];
  const mean = (idx: readonly number[]) => idx.reduce((a, i) => a + values[i], 0) / idx.length;

  it('brackets the statistic and is the same for the same seed', () => {
    const a = bootstrapInterval(values.length, mean, { seed: 3 });
    const b = bootstrapInterval(values.length, mean, { seed: 3 });
    expect(a).toEqual(b);
    expect(a.value).toBeCloseTo(0.65, 12);
    expect(a.low).toBeLessThan(a.value);
    expect(a.high).toBeGreaterThan(a.value);
    expect(a.level).toBe(0.95);
  });

  it('matches the normal approximation of a mean on a large sample', () => {
    // 400 units of ±1 (half each): sd of the mean = 1/√400 = 0.05, so the 95% interval ≈ ±0.098.
    const xs = Array.from({ length: 400 }, (_, i) => (i % 2 ? 1 : -1));
    const r = bootstrapInterval(400, (idx) => idx.reduce((a, i) => a + xs[i], 0) / idx.length, {
      samples: 4000,
      seed: 1,
    });
    expect(r.high - r.low).toBeGreaterThan(0.17);
    expect(r.high - r.low).toBeLessThan(0.22);
  });

  it('collapses on constant data', () => {
    const r = bootstrapInterval(5, () => 0.7);
    expect([r.low, r.high]).toEqual([0.7, 0.7]);
  });

  it('takes numpy-style linear quantiles', () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([1, 2, 3, 4], 0.25)).toBe(1.75);
  });
});
