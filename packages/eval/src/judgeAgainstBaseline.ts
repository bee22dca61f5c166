import { PrefoptError, type Annotator } from '@prefopt/core';
import type { Judgement } from './lengthControlledWinRate';

/** A model's response to a prompt. */
export interface Response {
  prompt: string;
  text: string;
}

/**
 * Judges each of a model's responses against the baseline's response to the same prompt
 * with an annotator: both are scored in one call (`score(prompt, [model, baseline])`), the
 * higher score wins (preference 1), an equal one ties (½). Lengths are characters, so models
 * with different tokenizers are compared in one unit (as AlpacaEval measures output length).
 */
export async function judgeAgainstBaseline(
  annotator: Annotator,
  model: readonly Response[],
  baseline: readonly Response[],
): Promise<Judgement[]> {
  if (model.length !== baseline.length) {
    throw new PrefoptError(
      'input',
      `judgeAgainstBaseline: ${model.length} model responses but ${baseline.length} baseline responses.`,
    );
  }
  const out: Judgement[] = [];
  for (let i = 0; i < model.length; i++) {
    if (model[i].prompt !== baseline[i].prompt) {
      throw new PrefoptError(
        'input',
        `judgeAgainstBaseline: response ${i} answers '${model[i].prompt}' but the baseline's answers '${baseline[i].prompt}'.`,
      );
    }
    const scores = await annotator.score(model[i].prompt, [model[i].text, baseline[i].text]);
    if (scores.length !== 2 || !scores.every(Number.isFinite)) {
      throw new PrefoptError(
        'plugin',
        `annotator '${annotator.name}' must return 2 finite scores for 2 responses, got ${JSON.stringify(scores)}.`,
      );
    }
    const [a, b] = scores;
    out.push({
      preference: a > b ? 1 : a === b ? 0.5 : 0,
      modelLength: [...model[i].text].length,
      baselineLength: [...baseline[i].text].length,
    });
  }
  return out;
}
