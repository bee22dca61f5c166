import { readFileSync } from 'node:fs';
import { PrefoptError } from '@prefopt/core';
import type { ExpectedObjectiveValues } from './expectObjectiveValues';
import { fixturePath } from './fixturePath';

const FILE = 'reference/torch-values.json';
const WRITER = 'tools/reference/.venv/bin/python tools/reference/objectives.py';

let cases: Record<string, ExpectedObjectiveValues> | undefined;

/**
 * Torch float64 values of one objective case (`'dpo'`, `'simpo lossType=hinge'`, …) on
 * `objectiveTestInputs.moderate`: loss, per-pair losses, rewards and d loss/d policy, from
 * fixtures/reference/torch-values.json, which tools/reference/objectives.py writes.
 */
export function torchObjectiveValues(name: string): ExpectedObjectiveValues {
  cases ??= (
    JSON.parse(readFileSync(fixturePath(FILE), 'utf8')) as {
      objectives: Record<string, ExpectedObjectiveValues>;
    }
  ).objectives;
  const values = cases[name];
  if (!values) {
    throw new PrefoptError(
      'input',
      `torchObjectiveValues: no case '${name}' in fixtures/${FILE} (cases: ${Object.keys(cases).join(', ')}); add it to CASES in tools/reference/objectives.py and run ${WRITER}.`,
    );
  }
  return values;
}
