import { describe, expect, it } from 'vitest';
import { generationStats } from './generationStats';
import type { Generation } from './AblationJob';
import { winRate } from './winRate';

const g = (prompt: string, score: number | null, tokens = 4): Generation => ({
  prompt,
  text: '',
  tokens,
  score,
});

describe('winRate', () => {
  it('counts wins as 1, ties as ½ and losses as 0', () => {
    const base = [g('a', 0), g('b', 1), g('c', 0), g('d', 1)];
    const run = [g('a', 1), g('b', 1), g('c', 0), g('d', 0)];
    // win, tie, tie, loss → (1 + ½ + ½ + 0) / 4 = 0.5
    expect(winRate(run, base)).toBe(0.5);
    expect(winRate([g('a', 1)], [g('a', 0)])).toBe(1);
  });

  it('is null without scores and refuses mismatched prompts', () => {
    expect(winRate([g('a', null)], [g('a', 1)])).toBeNull();
    expect(winRate([], [])).toBeNull();
    expect(() => winRate([g('a', 1)], [g('b', 1)])).toThrow(
      /generation 0 answers 'a' but the base answers 'b'/,
    );
  });
});

describe('generationStats', () => {
  it('averages tokens and scores', () => {
    // tokens (2 + 4 + 9) / 3 = 5; scores (1 + 0 + 1) / 3
    expect(generationStats([g('a', 1, 2), g('b', 0, 4), g('c', 1, 9)])).toEqual({
      meanTokens: 5,
      meanScore: 2 / 3,
    });
    expect(generationStats([g('a', null, 3)])).toEqual({ meanTokens: 3, meanScore: null });
  });
});
