import { describe, expect, it } from 'vitest';
import { truncatePair } from './truncatePair';

const range = (from: number, n: number) => Array.from({ length: n }, (_, i) => from + i);
// BOS = 1, prompt body 10..17 (8 tokens), chosen 20..25 (6), rejected 30..32 (3).
const pair = { prompt: [1, ...range(10, 8)], chosen: range(20, 6), rejected: range(30, 3) };

describe('truncatePair (TRL rules)', () => {
  it('leaves a pair that fits alone', () => {
    expect(truncatePair(pair, { maxLength: 15, maxPromptLength: 9, bosId: 1 })).toEqual(pair);
  });

  it('cuts the prompt from the LEFT, keeping BOS first', () => {
    // maxPromptLength 4 = BOS + the last 3 body tokens 15, 16, 17.
    expect(truncatePair(pair, { maxPromptLength: 4, bosId: 1 })?.prompt).toEqual([1, 15, 16, 17]);
    // Without a BOS id the last 4 tokens stay.
    expect(truncatePair(pair, { maxPromptLength: 4 })?.prompt).toEqual([14, 15, 16, 17]);
  });

  it('cuts completions from the RIGHT to what the prompt leaves of maxLength', () => {
    // maxPromptLength 5 → prompt [1, 14..17]; maxLength 9 leaves 9 − 5 = 4 completion tokens:
    // chosen keeps 20..23, rejected (3 tokens) fits whole.
    expect(truncatePair(pair, { maxLength: 9, maxPromptLength: 5, bosId: 1 })).toEqual({
      prompt: [1, 14, 15, 16, 17],
      chosen: [20, 21, 22, 23],
      rejected: [30, 31, 32],
    });
  });

  it('returns nothing when the prompt fills maxLength', () => {
    // 9 prompt tokens, no prompt limit, maxLength 9: no room for a completion token.
    expect(truncatePair(pair, { maxLength: 9, bosId: 1 })).toBeUndefined();
    // maxLength 10 leaves exactly one token each.
    expect(truncatePair(pair, { maxLength: 10, bosId: 1 })).toEqual({
      prompt: pair.prompt,
      chosen: [20],
      rejected: [30],
    });
  });
});
