import { defineAnnotator } from '@prefopt/core';

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Rule: 1 when the response mentions `word` (as a whole word unless `wholeWord` is false;
 * ignoring case unless `caseSensitive`), else 0. "mentions a dog": `{ word: 'dog' }`.
 */
export const containsWord = defineAnnotator({
  name: 'contains-word',
  description: '1 if the response mentions a word (whole word, any case by default), else 0',
  options: {
    word: { type: 'string', default: undefined, description: 'the word to look for' },
    caseSensitive: { type: 'boolean', default: false, description: 'match case exactly' },
    wholeWord: {
      type: 'boolean',
      default: true,
      description: "match whole words only ('dog' not in 'dogma')",
    },
  },
  score: (_prompt, responses, { word, caseSensitive, wholeWord }) => {
    const body = escapeRegExp(word as string);
    const pattern = new RegExp(
      wholeWord ? `(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])` : body,
      caseSensitive ? 'u' : 'iu',
    );
    return responses.map((r) => (pattern.test(r) ? 1 : 0));
  },
});
