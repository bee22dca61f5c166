import { describe, expect, it } from 'vitest';
import { autoLogScale, linearScale, logScale, symlogScale } from './axisScale';

describe('axisScale', () => {
  it('log: margins 0.09 … 17.5 span the decades 0.01 … 100, ticks where log10 puts them', () => {
    const s = logScale(0.09, 17.5);
    expect(s.kind).toBe('log');
    // 4 decades (10^-2 … 10^2) → ticks at the decades only
    expect(s.ticks).toEqual([0.01, 0.1, 1, 10, 100]);
    // position = (log10 v − (−2)) / 4: 0.01 → 0, 0.1 → 0.25, 1 → 0.5, 10 → 0.75, 100 → 1
    expect(s.ticks.map((v) => s.position(v))).toEqual([0, 0.25, 0.5, 0.75, 1]);
    // log10(17.5) = 1.2430380…, (1.2430380 + 2) / 4 = 0.8107595
    expect(s.position(17.5)).toBeCloseTo(0.8107595, 6);
    // log10(0.09) = −1.0457575, (−1.0457575 + 2) / 4 = 0.2385606
    expect(s.position(0.09)).toBeCloseTo(0.2385606, 6);
    expect(s.position(0)).toBe(0); // not on a log axis: clamped to the bottom
  });

  it('log: up to three decades get 1-2-5 ticks', () => {
    const s = logScale(0.3, 4);
    expect(s.ticks).toEqual([0.1, 0.2, 0.5, 1, 2, 5, 10]);
    // log10(2) = 0.30103; (0.30103 + 1) / 2 = 0.650515
    expect(s.position(2)).toBeCloseTo(0.650515, 6);
  });

  it('symlog: sign(v)·log10(1 + |v|/c), zero and negatives included', () => {
    const s = symlogScale(-0.5, 17.5, 0.1);
    // domain [−1, 100]: t(−1) = −log10(11) = −1.0413927, t(100) = log10(1001) = 3.0004341
    expect(s.ticks).toEqual([-1, 0, 1, 10, 100]); // ±c = ±0.1 left out: too close to 0
    const [ta, tb] = [-Math.log10(11), Math.log10(1001)];
    expect(s.position(0)).toBeCloseTo((0 - ta) / (tb - ta), 9);
    expect(s.position(10)).toBeCloseTo((Math.log10(101) - ta) / (tb - ta), 9);
    expect(s.position(-1)).toBeCloseTo(0, 9);
    expect(s.position(100)).toBeCloseTo(1, 9);
  });

  it('symlog: a side that ends at ±c gets its end as a tick', () => {
    // 0.04 → edge c·10^max(0, ceil(log10 0.4)) = 0.1; −150 → −0.1·10^ceil(log10 1500) = −1000
    expect(symlogScale(-150, 0.04, 0.1).ticks).toEqual([-1000, -100, -10, -1, 0, 0.1]);
  });

  it('auto: log when all positive, symlog with a note when a value is ≤ 0', () => {
    expect(autoLogScale([0.09, 2.9, 17.5]).kind).toBe('log');
    const s = autoLogScale([-0.03, 0.09, 17.5]);
    expect(s.kind).toBe('symlog');
    expect(s.note).toBe('symmetric log scale, linear within ±0.01');
    expect(autoLogScale([]).kind).toBe('linear');
  });

  it('linear: position is the share of the domain', () => {
    const s = linearScale(0, 1);
    expect(s.position(0.25)).toBe(0.25);
    expect(s.ticks).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
  });
});
