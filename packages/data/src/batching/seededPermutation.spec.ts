import { describe, expect, it } from 'vitest';
import { seededPermutation } from './seededPermutation';

describe('seededPermutation', () => {
  it('is a permutation, the same for the same seed and stream', () => {
    const p = seededPermutation(100, 7, 3);
    expect([...p].sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect(seededPermutation(100, 7, 3)).toEqual(p);
  });

  it('changes with the seed and with the stream (epoch)', () => {
    const p = seededPermutation(50, 0, 0);
    expect(seededPermutation(50, 1, 0)).not.toEqual(p);
    expect(seededPermutation(50, 0, 1)).not.toEqual(p);
    expect(p).not.toEqual(Array.from({ length: 50 }, (_, i) => i));
  });

  it('spreads items: over 2000 seeds each item lands first about 1/5 of the time', () => {
    // 5 items, 2000 draws: expected 400 firsts each, sd = sqrt(2000·0.2·0.8) ≈ 17.9;
    // ±100 is > 5 sd, so a fair shuffle never fails this and a biased one does.
    const firsts = [0, 0, 0, 0, 0];
    for (let s = 0; s < 2000; s++) firsts[seededPermutation(5, s)[0]]++;
    for (const f of firsts) expect(Math.abs(f - 400)).toBeLessThan(100);
  });

  it('handles 0 and 1 items', () => {
    expect(seededPermutation(0, 1)).toEqual([]);
    expect(seededPermutation(1, 1)).toEqual([0]);
  });
});
