import { readFileSync } from 'node:fs';
import { PrefoptError } from '@prefopt/core';
import { fixturePath } from './fixturePath';

export const TORCH_VALUES_FILE = 'reference/torch-values.json';

let document: Record<string, unknown> | undefined;

/**
 * One section of fixtures/reference/torch-values.json, the PyTorch reference values the
 * specs compare with; each section is written by one tools/reference script (`writtenBy`
 * in the file names it): `objectives` (objectives.py), `llamaTiny` (llama2c_fixtures.py).
 */
export function torchReferenceValues<T>(section: string): T {
  document ??= JSON.parse(readFileSync(fixturePath(TORCH_VALUES_FILE), 'utf8')) as Record<
    string,
    unknown
  >;
  if (!(section in document) || section === 'writtenBy') {
    const sections = Object.keys(document).filter((k) => k !== 'writtenBy');
    throw new PrefoptError(
      'input',
      `torchReferenceValues: no section '${section}' in fixtures/${TORCH_VALUES_FILE} (sections: ${sections.join(', ')}); run the tools/reference script that writes it.`,
    );
  }
  return document[section] as T;
}

/** The `stories260K` section (tools/reference/llama2c_reference.py write-fixtures). */
export interface Stories260KReference {
  /** Greedy continuations by prompt: all token ids (prompt first) and the decoded text. */
  generate: Record<string, { maxNewTokens: number; tokens: number[]; text: string }>;
  /** Token ids and float64 log p(x_t | x_<t) of every token after the first, by text. */
  score: Record<string, { tokens: number[]; logprobs: number[] }>;
}
