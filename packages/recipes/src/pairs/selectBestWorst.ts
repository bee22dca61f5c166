/** A pair `prefopt pairs` writes: TRL's standard format plus the annotator's two scores. */
export interface ScoredPair {
  prompt: string;
  chosen: string;
  rejected: string;
  score_chosen: number;
  score_rejected: number;
}

/**
 * Keeps the best-scored response as chosen and the worst as rejected (the paper's on-policy
 * recipe). Ties: the first best and the last worst. Returns null when every score is equal
 * or best and worst are the same text: such a prompt carries no preference.
 */
export function selectBestWorst(
  prompt: string,
  responses: readonly string[],
  scores: readonly number[],
): ScoredPair | null {
  if (responses.length !== scores.length) {
    throw new RangeError(
      `selectBestWorst: ${responses.length} responses but ${scores.length} scores.`,
    );
  }
  let best = -1;
  let worst = -1;
  scores.forEach((s, i) => {
    if (best < 0 || s > scores[best]) best = i;
    if (worst < 0 || s <= scores[worst]) worst = i;
  });
  if (best < 0 || scores[best] === scores[worst] || responses[best] === responses[worst])
    return null;
  return {
    prompt,
    chosen: responses[best],
    rejected: responses[worst],
    score_chosen: scores[best],
    score_rejected: scores[worst],
  };
}
