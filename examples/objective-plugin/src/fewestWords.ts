import { defineAnnotator } from '@prefopt/core';

/**
 * Annotator `fewest-words`: a response's score is minus its word count (whitespace-separated),
 * so `prefopt pairs` keeps the tersest sample as chosen and the wordiest as rejected.
 * `maxWords` caps the count (a response past it scores as if it had `maxWords` words).
 */
export const fewestWords = defineAnnotator({
  name: 'fewest-words',
  description: 'minus the number of words in the response (shorter scores higher)',
  options: {
    maxWords: {
      type: 'number',
      default: 1000,
      min: 1,
      description: 'count at most this many words',
    },
  },
  score: (_prompt, responses, { maxWords }) =>
    responses.map((r) => {
      const words = r.split(/\s+/).filter((w) => w.length > 0).length;
      return -Math.min(words, Math.floor(maxWords as number));
    }),
});
