import { describe, expect, it } from 'vitest';
import { PrefoptError, type PreferenceBatch } from '@prefopt/core';
import { checkCompletions } from './checkCompletions';

/** B = 2 pairs, T = 3: rows 0–1 chosen, rows 2–3 rejected. */
function batch(mask: number[]): PreferenceBatch {
  return {
    size: 2,
    seqLen: 3,
    inputIds: new Int32Array(12).fill(1),
    completionMask: new Float32Array(mask),
  };
}

describe('checkCompletions', () => {
  it('accepts a batch whose every row scores at least one token', () => {
    expect(() => checkCompletions(batch([0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 1, 1]))).not.toThrow();
  });

  it('names the pair and side of an empty completion as an input error', () => {
    // Row 3 = the rejected side of pair 1 is all zeros.
    const bad = batch([0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0, 0]);
    expect(() => checkCompletions(bad)).toThrow(
      /batch pair 1: the rejected completion has no scored tokens \(completionMask row 3 sums to 0\)/,
    );
    try {
      checkCompletions(bad);
    } catch (e) {
      expect(PrefoptError.is(e, 'input')).toBe(true);
    }
  });

  it('reports a chosen row before a rejected one, and NaN masks as empty', () => {
    // Row 0 (chosen, pair 0) sums to NaN: !(NaN > 0) rejects it.
    const bad = batch([NaN, 1, 0, 0, 0, 1, 0, 1, 0, 0, 0, 0]);
    expect(() => checkCompletions(bad)).toThrow(/batch pair 0: the chosen completion/);
  });
});
