import type { Tensor } from '@tensorflow/tfjs-core';
import { PrefoptError } from '../errors/PrefoptError';
import type { UnpairedInputs, UnpairedObjective } from './UnpairedObjective';
import { validateState } from './validateTokenInputs';

/** Checks an unpaired objective's inputs before any tensor op: rank-1 `[N]`, one N, presence. */
export function validateUnpairedInputs(
  objective: Pick<UnpairedObjective, 'name' | 'requiresReference' | 'requiresKl' | 'state'>,
  inputs: UnpairedInputs,
): void {
  const name = objective.name;
  if (!inputs || typeof inputs !== 'object') {
    throw new PrefoptError('input', `${name}: compute() needs { policy, lengths, labels, … }.`);
  }
  const fields: [string, Tensor | undefined][] = [
    ['policy', inputs.policy],
    ['lengths', inputs.lengths],
    ['labels', inputs.labels],
  ];
  if (objective.requiresReference) fields.push(['reference', inputs.reference]);
  if (objective.requiresKl) {
    fields.push(['kl.policy', inputs.kl?.policy], ['kl.reference', inputs.kl?.reference]);
  }
  const n = (inputs.policy as Tensor | undefined)?.shape?.[0];
  for (const [field, t] of fields) {
    if (!t || !Array.isArray(t.shape) || t.isDisposed) {
      throw new PrefoptError(
        'input',
        `${name}: inputs.${field} is missing; expected a tensor of shape [N]${field === 'reference' ? ' (the objective requires reference log-probs)' : field.startsWith('kl') ? " (the objective needs KTO's mismatched-pair KL log-probs)" : ''}.`,
      );
    }
    if (t.rank !== 1 || t.shape[0] !== n || n === 0) {
      throw new PrefoptError(
        'input',
        `${name}: inputs.${field} has shape [${t.shape.join(', ')}], expected [${n}] like policy (one entry per example, N ≥ 1).`,
      );
    }
  }
  if (objective.state) validateState(name, objective.state, inputs.state);
}
