import { createRegistry } from '@prefopt/core';
import { describe, expect, it } from 'vitest';
import { annotatorsPlugin } from './annotatorsPlugin';
import { containsWord } from './containsWord';
import { regexMatch } from './regexMatch';

describe('contains-word', () => {
  it('matches whole words in any case by default', async () => {
    const a = containsWord({ word: 'dog' });
    expect(
      await a.score('', ['The Dog ran.', 'a dogma', 'hotdog', 'dog', 'no pets', 'a dog.']),
    ).toEqual([1, 0, 0, 1, 0, 1]);
  });

  it('honours caseSensitive and wholeWord, and escapes the word', async () => {
    expect(
      await containsWord({ word: 'dog', caseSensitive: true }).score('', ['Dog', 'dog']),
    ).toEqual([0, 1]);
    expect(await containsWord({ word: 'dog', wholeWord: false }).score('', ['hotdog'])).toEqual([
      1,
    ]);
    expect(await containsWord({ word: 'a.b' }).score('', ['axb', 'a.b'])).toEqual([0, 1]);
  });

  it('needs a word', () => {
    expect(() => containsWord()).toThrow(/contains-word: option 'word' is required/);
  });
});

describe('regex', () => {
  it('scores matches and names a bad pattern', async () => {
    expect(await regexMatch({ pattern: '^\\d+$' }).score('', ['42', 'x42'])).toEqual([1, 0]);
    expect(await regexMatch({ pattern: 'dog', flags: 'gi' }).score('', ['DOG', 'Dog'])).toEqual([
      1, 1,
    ]);
    expect(() => regexMatch({ pattern: '(' })).toThrow(
      /option 'pattern' "\(" with flags 'u' is not a valid RegExp/,
    );
  });
});

describe('annotatorsPlugin', () => {
  it('lists every built-in by name', async () => {
    const registry = createRegistry([annotatorsPlugin]);
    expect(registry.names('annotator')).toEqual(['contains-word', 'regex', 'bigger-number']);
    const rule = registry.get('annotator', 'bigger-number')();
    expect(await rule.score('Max 37 52 18?', [' 52. Easy.', ' 37.'])).toEqual([1, 0]);
  });
});
