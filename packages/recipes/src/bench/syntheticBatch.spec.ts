import { describe, expect, it } from 'vitest';
import { syntheticBatch } from './syntheticBatch';

describe('syntheticBatch', () => {
  const b = syntheticBatch(2, 6, 10, 7);

  it('lays out 2B rows of T tokens with ids in [0, vocab)', () => {
    expect(b.size).toBe(2);
    expect(b.seqLen).toBe(6);
    expect(b.inputIds.length).toBe(2 * 2 * 6);
    expect(b.completionMask.length).toBe(24);
    expect(Array.from(b.inputIds).every((id) => id >= 0 && id < 10)).toBe(true);
  });

  it('shares the prompt (first T/2 = 3 tokens) between a pair and masks only completions', () => {
    for (let p = 0; p < 2; p++) {
      const chosen = Array.from(b.inputIds.slice(p * 6, p * 6 + 6));
      const rejected = Array.from(b.inputIds.slice((p + 2) * 6, (p + 2) * 6 + 6));
      expect(rejected.slice(0, 3)).toEqual(chosen.slice(0, 3));
    }
    for (let r = 0; r < 4; r++) {
      expect(Array.from(b.completionMask.slice(r * 6, r * 6 + 6))).toEqual([0, 0, 0, 1, 1, 1]);
    }
  });

  it('takes ⌊T·promptShare⌋ prompt tokens: 6 of 8 at 0.75 (hh-rlhf-like 3:1)', () => {
    const long = syntheticBatch(1, 8, 10, 7, 0.75);
    expect(Array.from(long.inputIds.slice(8, 14))).toEqual(Array.from(long.inputIds.slice(0, 6)));
    expect(Array.from(long.completionMask.slice(8))).toEqual([0, 0, 0, 0, 0, 0, 1, 1]);
  });

  it('is reproducible per seed and differs across seeds', () => {
    expect(syntheticBatch(2, 6, 10, 7).inputIds).toEqual(b.inputIds);
    expect(syntheticBatch(2, 6, 10, 8).inputIds).not.toEqual(b.inputIds);
  });
});
