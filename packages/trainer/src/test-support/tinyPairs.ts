import type { TokenizedPair } from '@prefopt/core';

/**
 * `n` deterministic pairs over a vocabulary of `vocab` ids: prompt of 2–4 ids starting
 * with 1 (BOS), chosen continues counting up (+1 mod V), rejected counts down, 1–3 ids.
 */
export function tinyPairs(n: number, vocab = 16): TokenizedPair[] {
  const pairs: TokenizedPair[] = [];
  for (let i = 0; i < n; i++) {
    const start = 2 + ((i * 5) % (vocab - 2));
    const prompt = [1, ...Array.from({ length: 1 + (i % 3) }, (_, k) => (start + k) % vocab)];
    const last = prompt[prompt.length - 1];
    const len = 1 + ((i * 7) % 3);
    pairs.push({
      prompt,
      chosen: Array.from({ length: len }, (_, k) => (last + 1 + k) % vocab),
      rejected: Array.from({ length: 1 + ((i + 1) % 3) }, (_, k) => (last - 1 - k + vocab) % vocab),
    });
  }
  return pairs;
}
