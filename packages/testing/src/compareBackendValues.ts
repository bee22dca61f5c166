/** Tolerance of a backend check: |actual − expected| ≤ atol + rtol·|expected| elementwise. */
export interface BackendTolerance {
  atol: number;
  rtol: number;
}

/** The largest |actual − expected|, and a message naming the first element out of tolerance. */
export interface BackendComparison {
  maxAbsDiff: number;
  failure?: string;
}

/** Compares a backend's values with the cpu backend's, element by element. */
export function compareBackendValues(
  what: string,
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  tol: BackendTolerance,
): BackendComparison {
  if (actual.length !== expected.length) {
    return {
      maxAbsDiff: Infinity,
      failure: `${what}: ${actual.length} values, cpu gave ${expected.length}`,
    };
  }
  let maxAbsDiff = 0;
  let failure: string | undefined;
  for (let i = 0; i < actual.length; i++) {
    const diff = Math.abs(actual[i] - expected[i]);
    const ok = diff <= tol.atol + tol.rtol * Math.abs(expected[i]);
    if (!ok && failure === undefined) {
      failure =
        `${what}[${i}] = ${actual[i]}, cpu gave ${expected[i]} ` +
        `(|diff| ${diff.toExponential(2)} > ${tol.atol} + ${tol.rtol}·|cpu|)`;
    }
    maxAbsDiff = Number.isNaN(diff) ? Infinity : Math.max(maxAbsDiff, diff);
  }
  return failure === undefined ? { maxAbsDiff } : { maxAbsDiff, failure };
}
