import type { Tensor } from '@tensorflow/tfjs-core';
import { PrefoptError } from '../errors/PrefoptError';
import type { ObjectiveNeeds, ObjectiveStateSpec, PairTokens, TokenInputs } from './ObjectiveNeeds';

/**
 * Checks the opt-in per-token inputs of an objective that declares `needs.tokenLogps`:
 * every field present, rank 2, `[B, T−1]` with one T for all. Shapes only (no reads).
 */
export function validateTokenInputs(
  objective: { name: string; requiresReference: boolean; needs?: ObjectiveNeeds },
  tokens: TokenInputs | undefined,
  batch: number,
): void {
  const name = objective.name;
  if (!tokens || typeof tokens !== 'object') {
    throw new PrefoptError(
      'input',
      `${name}: needs per-token log-probs (objective.needs.tokenLogps) but inputs.tokens is missing; ` +
        `give { policy, completionMask, sequenceMask${objective.requiresReference ? ', reference' : ''} } of [B, T] tensors.`,
    );
  }
  const fields: [string, PairTokens | undefined][] = [
    ['policy', tokens.policy],
    ['completionMask', tokens.completionMask],
    ['sequenceMask', tokens.sequenceMask],
  ];
  if (objective.requiresReference) fields.push(['reference', tokens.reference]);
  if (objective.needs?.tokenLogitStats) fields.push(['logSquaredMass', tokens.logSquaredMass]);
  let width: number | undefined;
  for (const [field, pair] of fields) {
    for (const side of ['chosen', 'rejected'] as const) {
      const t = (pair as Partial<PairTokens> | undefined)?.[side] as Tensor | undefined;
      if (!t || !Array.isArray(t.shape) || t.isDisposed) {
        throw new PrefoptError(
          'input',
          `${name}: inputs.tokens.${field}.${side} is missing; expected a [B, T] tensor.`,
        );
      }
      width ??= t.shape[1];
      if (t.rank !== 2 || t.shape[0] !== batch || t.shape[1] !== width || !(width! >= 1)) {
        throw new PrefoptError(
          'input',
          `${name}: inputs.tokens.${field}.${side} has shape [${t.shape.join(', ')}], expected [${batch}, ${width}] (B from policy.chosen, T from tokens.policy.chosen).`,
        );
      }
    }
  }
}

/** Checks `inputs.state` against the declared state: one scalar per declared name. */
export function validateState(
  name: string,
  spec: ObjectiveStateSpec,
  state: Record<string, Tensor> | undefined,
): void {
  for (const key of Object.keys(spec.initial)) {
    const t = state?.[key];
    if (!t || t.isDisposed || t.size !== 1) {
      throw new PrefoptError(
        'input',
        `${name}: inputs.state.${key} is missing or not a scalar; the objective carries state { ${Object.keys(spec.initial).join(', ')} }.`,
      );
    }
  }
}
