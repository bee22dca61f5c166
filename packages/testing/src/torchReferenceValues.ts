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
