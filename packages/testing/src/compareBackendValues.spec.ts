import { describe, expect, it } from 'vitest';
import { backendTestBatch } from './backendTestBatch';
import { compareBackendValues } from './compareBackendValues';
import { backendTestValues } from './backendTestValues';

describe('compareBackendValues', () => {
  const tol = { atol: 1e-5, rtol: 1e-4 };

  it('passes values within atol + rtol·|cpu| and reports the largest difference', () => {
    // |1.00005 − 1| = 5e-5 ≤ 1e-5 + 1e-4·1 = 1.1e-4; |−2 − (−2)| = 0.
    const c = compareBackendValues('x', [1.00005, -2], [1, -2], tol);
    expect(c.failure).toBeUndefined();
    expect(c.maxAbsDiff).toBeCloseTo(5e-5, 9);
  });

  it('names the first element out of tolerance, NaN included', () => {
    // |0.0003 − 0| = 3e-4 > 1e-5 + 0 → fails at index 1.
    expect(compareBackendValues('logits', [0, 0.0003, 9], [0, 0, 9], tol).failure).toMatch(
      /^logits\[1\] = 0\.0003, cpu gave 0 /,
    );
    const nan = compareBackendValues('g', [NaN], [1], tol);
    expect(nan.failure).toMatch(/^g\[0\] = NaN/);
    expect(nan.maxAbsDiff).toBe(Infinity);
    expect(compareBackendValues('y', [1, 2], [1], tol).failure).toBe('y: 2 values, cpu gave 1');
  });
});

describe('backendTestValues', () => {
  it('is deterministic, seed-dependent and within [-scale, scale)', () => {
    const a = backendTestValues(100, 3, 2);
    expect(backendTestValues(100, 3, 2)).toEqual(a);
    expect(backendTestValues(100, 4, 2)).not.toEqual(a);
    expect(Math.min(...a)).toBeGreaterThanOrEqual(-2);
    expect(Math.max(...a)).toBeLessThan(2);
  });
});

describe('backendTestBatch', () => {
  it('lays out 2 pairs as 4 right-padded rows with completion masks', () => {
    const b = backendTestBatch(32);
    expect([b.size, b.seqLen, b.inputIds.length]).toEqual([2, 8, 32]);
    // Row 0 = prompt [1, 5, 9] + chosen [4, 4, 7, 2] + one pad; mask on positions 3..6.
    expect(Array.from(b.inputIds.subarray(0, 8))).toEqual([1, 5, 9, 4, 4, 7, 2, 0]);
    expect(Array.from(b.completionMask.subarray(0, 8))).toEqual([0, 0, 0, 1, 1, 1, 1, 0]);
    // Row 3 = prompt [1, 3] + rejected [10, 12, 13, 14, 2] + one pad.
    expect(Array.from(b.completionMask.subarray(24, 32))).toEqual([0, 0, 1, 1, 1, 1, 1, 0]);
    // Ids wrap below a small vocabulary: row 3, position 5 holds 14, and 14 % 8 = 6.
    expect(backendTestBatch(8).inputIds[3 * 8 + 5]).toBe(6);
  });
});
