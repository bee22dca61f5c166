import { expect } from 'vitest';

/**
 * Asserts two lists of rows agree entry by entry: |a − b| < tol, or with `relative`,
 * |a − b| < tol·(1 + |b|). Every row of `actual` is compared with the same row of `expected`.
 */
export function expectRowsClose(
  actual: number[][],
  expected: number[][],
  tol: number,
  relative = false,
): void {
  actual.forEach((row, i) =>
    row.forEach((v, j) =>
      expect(Math.abs(v - expected[i][j])).toBeLessThan(
        relative ? tol * (1 + Math.abs(expected[i][j])) : tol,
      ),
    ),
  );
}
