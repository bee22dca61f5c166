import type { Generation } from './AblationJob';

/** Mean generated tokens and, when scored, the mean score (the rule's pass rate for 0/1 rules). */
export function generationStats(generations: readonly Generation[]): {
  meanTokens: number | null;
  meanScore: number | null;
} {
  if (generations.length === 0) return { meanTokens: null, meanScore: null };
  const meanTokens = generations.reduce((s, g) => s + g.tokens, 0) / generations.length;
  const scored = generations.every((g) => g.score !== null);
  const meanScore = scored
    ? generations.reduce((s, g) => s + (g.score as number), 0) / generations.length
    : null;
  return { meanTokens, meanScore };
}
