import { getBackend, type Tensor } from '@tensorflow/tfjs-core';
import { PrefoptError } from '../errors/PrefoptError';
import type { ObjectiveInputs, PairLogps } from './Objective';
import type { ObjectiveNeeds, ObjectiveStateSpec } from './ObjectiveNeeds';
import { validateState, validateTokenInputs } from './validateTokenInputs';

/**
 * Backends on which a synchronous read is not part of a step: webgpu's `dataSync` throws in
 * Node (no OffscreenCanvas) and stalls the GPU queue in a browser; webgl's stalls likewise.
 */
const DEVICE_READ_BACKENDS = new Set(['webgpu', 'webgl']);

/**
 * Checks what `compute` is handed before any tensor op runs, so a caller sees
 * "dpo: reference.rejected has shape [3], expected [4]" instead of a tfjs stack.
 *
 * Shapes, ranks and presence are checked on every backend. The lengths' values (a [B]
 * tensor) are read back to reject counts that are not > 0 only on backends that read
 * synchronously in host memory (cpu, wasm, tensorflow); on webgpu / webgl they are not read,
 * so a step never waits on the device here. Callers that build lengths from a
 * `PreferenceBatch` check them where they are known on the CPU: the trainer rejects a
 * batch row without completion tokens before its forward pass.
 */
export function validateInputs(
  objective: {
    name: string;
    requiresReference: boolean;
    needs?: ObjectiveNeeds;
    state?: ObjectiveStateSpec;
  },
  inputs: ObjectiveInputs,
): void {
  const name = objective.name;
  if (!inputs || typeof inputs !== 'object') {
    throw new PrefoptError(
      'input',
      `${name}: compute() needs { policy, lengths${objective.requiresReference ? ', reference' : ''} }.`,
    );
  }
  checkPair(name, 'policy', inputs.policy);
  checkPair(name, 'lengths', inputs.lengths);
  const batch = inputs.policy.chosen.shape[0];
  if (objective.requiresReference) {
    if (!inputs.reference) {
      throw new PrefoptError(
        'input',
        `${name}: requires reference log-probs (objective.requiresReference is true) but inputs.reference is missing.`,
      );
    }
    checkPair(name, 'reference', inputs.reference);
  }
  const pairs: [string, PairLogps | undefined][] = [
    ['policy', inputs.policy],
    ['lengths', inputs.lengths],
    ['reference', objective.requiresReference ? inputs.reference : undefined],
  ];
  for (const [field, pair] of pairs) {
    if (!pair) continue;
    for (const side of ['chosen', 'rejected'] as const) {
      const shape = pair[side].shape;
      if (shape[0] !== batch) {
        throw new PrefoptError(
          'input',
          `${name}: ${field}.${side} has shape [${shape.join(', ')}], expected [${batch}] like policy.chosen.`,
        );
      }
    }
  }
  if (objective.needs?.tokenLogps || objective.needs?.tokenLogitStats) {
    validateTokenInputs(objective, inputs.tokens, batch);
  }
  if (objective.state) validateState(name, objective.state, inputs.state);
  if (DEVICE_READ_BACKENDS.has(getBackend())) return;
  for (const side of ['chosen', 'rejected'] as const) {
    const values = inputs.lengths[side].dataSync();
    const bad = values.findIndex((v) => !(v > 0) || !Number.isFinite(v));
    if (bad >= 0) {
      throw new PrefoptError(
        'input',
        `${name}: lengths.${side}[${bad}] is ${values[bad]}; completion token counts must be > 0 (drop pairs whose completion is empty).`,
      );
    }
  }
}

function checkPair(name: string, field: string, pair: PairLogps | undefined): void {
  if (!pair || typeof pair !== 'object') {
    throw new PrefoptError(
      'input',
      `${name}: inputs.${field} is missing; expected { chosen, rejected } tensors of shape [B].`,
    );
  }
  for (const side of ['chosen', 'rejected'] as const) {
    const t = pair[side] as Tensor | undefined;
    if (!t || !Array.isArray(t.shape)) {
      throw new PrefoptError(
        'input',
        `${name}: inputs.${field}.${side} is missing; expected a tensor of shape [B].`,
      );
    }
    if (t.isDisposed) {
      throw new PrefoptError('input', `${name}: inputs.${field}.${side} was already disposed.`);
    }
    if (t.rank !== 1) {
      throw new PrefoptError(
        'input',
        `${name}: inputs.${field}.${side} has shape [${t.shape.join(', ')}]; expected rank 1, [B].`,
      );
    }
    if (t.shape[0] === 0) {
      throw new PrefoptError(
        'input',
        `${name}: inputs.${field}.${side} is empty; a batch needs at least one pair.`,
      );
    }
  }
}
