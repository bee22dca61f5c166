import { PrefoptError } from '@prefopt/core';
import { describe, expect, it } from 'vitest';
import { collatePairs } from './collatePairs';

describe('collatePairs', () => {
  // pair 0: prompt [1, 5], chosen [6, 7, 2], rejected [8, 2]
  // pair 1: prompt [1, 9, 9], chosen [3], rejected [4, 4, 4, 2]
  // Rows: 0 = p0+c0 (5 tokens), 1 = p1+c1 (4), 2 = p0+r0 (4), 3 = p1+r1 (7) → T = 7.
  const pairs = [
    { prompt: [1, 5], chosen: [6, 7, 2], rejected: [8, 2] },
    { prompt: [1, 9, 9], chosen: [3], rejected: [4, 4, 4, 2] },
  ];

  it('lays out chosen rows then rejected rows, right-padded, with completion masks', () => {
    const b = collatePairs(pairs, { padId: 0 });
    expect(b.size).toBe(2);
    expect(b.seqLen).toBe(7);
    expect(Array.from(b.inputIds)).toEqual([
      ...[1, 5, 6, 7, 2, 0, 0],
      ...[1, 9, 9, 3, 0, 0, 0],
      ...[1, 5, 8, 2, 0, 0, 0],
      ...[1, 9, 9, 4, 4, 4, 2],
    ]);
    expect(Array.from(b.completionMask)).toEqual([
      ...[0, 0, 1, 1, 1, 0, 0],
      ...[0, 0, 0, 1, 0, 0, 0],
      ...[0, 0, 1, 1, 0, 0, 0],
      ...[0, 0, 0, 1, 1, 1, 1],
    ]);
  });

  it('pads to a multiple or a fixed length, and refuses rows longer than it', () => {
    expect(collatePairs(pairs, { padToMultipleOf: 4 }).seqLen).toBe(8);
    expect(collatePairs(pairs, { seqLen: 9 }).inputIds).toHaveLength(2 * 2 * 9);
    expect(() => collatePairs(pairs, { seqLen: 6 })).toThrow(
      /a pair has 7 tokens, more than seqLen 6/,
    );
    expect(() => collatePairs([])).toThrow(PrefoptError);
  });

  it('never marks position 0, which nothing predicts (empty prompt)', () => {
    const b = collatePairs([{ prompt: [], chosen: [4, 5], rejected: [6] }]);
    // rows [4, 5] and [6, pad]: only position 1 of row 0 is a scored completion token.
    expect(Array.from(b.completionMask)).toEqual([0, 1, 0, 0]);
  });
});
