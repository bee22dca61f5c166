import { PrefoptError } from '@prefopt/core';
import type { ExpectedObjectiveValues } from './expectObjectiveValues';
import { TORCH_VALUES_FILE, torchReferenceValues } from './torchReferenceValues';

/**
 * Torch float64 values of one objective case (`'dpo'`, `'simpo lossType=hinge'`, …) on
 * `objectiveTestInputs.moderate`: loss, per-pair losses, rewards and d loss/d policy, from
 * the `objectives` section of fixtures/reference/torch-values.json
 * (tools/reference/objectives.py writes it).
 */
export function torchObjectiveValues(name: string): ExpectedObjectiveValues {
  const cases = torchReferenceValues<Record<string, ExpectedObjectiveValues>>('objectives');
  const values = cases[name];
  if (!values) {
    throw new PrefoptError(
      'input',
      `torchObjectiveValues: no case '${name}' in fixtures/${TORCH_VALUES_FILE} (cases: ${Object.keys(cases).join(', ')}); add it to CASES in tools/reference/objectives.py and run tools/reference/.venv/bin/python tools/reference/objectives.py.`,
    );
  }
  return values;
}
