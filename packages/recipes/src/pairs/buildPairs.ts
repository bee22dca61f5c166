import type { Annotator } from '@prefopt/core';
import { selectBestWorst, type ScoredPair } from './selectBestWorst';

export interface BuildPairsOptions {
  prompts: readonly string[];
  /** k samples per prompt; generation is the caller's (a model, or a test's stub). */
  sample: (prompt: string, index: number) => Promise<string[]>;
  annotator: Annotator;
  onPrompt?: (done: number, total: number) => void;
}

export interface BuildPairsResult {
  pairs: ScoredPair[];
  /** Prompts whose k samples all scored the same (no preference to learn). */
  skipped: number;
  /** Mean score over every sample: the rule's rate for a 0/1 annotator. */
  meanScore: number;
  samples: number;
}

/** On-policy pairs: sample, annotate, keep best and worst, for each prompt in order. */
export async function buildPairs(o: BuildPairsOptions): Promise<BuildPairsResult> {
  const pairs: ScoredPair[] = [];
  let skipped = 0;
  let total = 0;
  let count = 0;
  for (let i = 0; i < o.prompts.length; i++) {
    const prompt = o.prompts[i];
    const responses = await o.sample(prompt, i);
    const scores = await o.annotator.score(prompt, responses);
    total += scores.reduce((a, b) => a + b, 0);
    count += scores.length;
    const pair = selectBestWorst(prompt, responses, scores);
    if (pair) pairs.push(pair);
    else skipped++;
    o.onPrompt?.(i + 1, o.prompts.length);
  }
  return { pairs, skipped, meanScore: count ? total / count : 0, samples: count };
}
