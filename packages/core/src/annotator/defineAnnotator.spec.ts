import { describe, expect, it } from 'vitest';
import { PrefoptError } from '../errors/PrefoptError';
import { defineAnnotator } from './defineAnnotator';

// A toy annotator: score = number of times `word` occurs, times `weight`.
const counts = defineAnnotator({
  name: 'count-word',
  description: 'counts a word',
  options: {
    word: { type: 'string', default: undefined, description: 'the word to count' },
    weight: { type: 'number', default: 1, min: 0, exclusiveMin: true, description: 'scale' },
  },
  score: (_prompt, responses, { word, weight }) =>
    responses.map((r) => (weight as number) * r.split(word as string).length - (weight as number)),
});

describe('defineAnnotator', () => {
  it('resolves options, freezes them and scores responses in order', async () => {
    const a = counts({ word: 'dog', weight: 2 });
    expect(a.name).toBe('count-word');
    expect(a.options).toEqual({ word: 'dog', weight: 2 });
    expect(Object.isFrozen(a.options)).toBe(true);
    // 'a dog and a dog' has 2 → 4; 'cat' 0 → 0; 'dog' 1 → 2
    expect(await a.score('p', ['a dog and a dog', 'cat', 'dog'])).toEqual([4, 0, 2]);
    expect(counts.annotatorName).toBe('count-word');
  });

  it('names missing, mistyped and unknown options in config errors', () => {
    expect(() => counts()).toThrow(/option 'word' is required/);
    expect(() => counts({ word: 3 })).toThrow(/'word' must be a non-empty string, got 3/);
    expect(() => counts({ word: 'x', weight: 0 })).toThrow(/'weight' must be a finite number > 0/);
    expect(() => counts({ word: 'x', nope: 1 })).toThrow(/unknown option 'nope'/);
    try {
      counts();
    } catch (e) {
      expect(PrefoptError.is(e, 'config')).toBe(true);
    }
  });

  it('rejects score lists of the wrong length or with non-finite values', async () => {
    const short = defineAnnotator({
      name: 'short',
      description: '',
      options: {},
      score: () => [1],
    });
    await expect(short().score('p', ['a', 'b'])).rejects.toThrow(
      /returned 1 scores for 2 responses/,
    );
    const nan = defineAnnotator({
      name: 'nan',
      description: '',
      options: {},
      score: (_p, r) => r.map(() => NaN),
    });
    await expect(nan().score('p', ['a'])).rejects.toThrow(/non-finite score \(NaN\) to response 0/);
  });
});
