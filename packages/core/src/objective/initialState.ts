import * as tf from '@tensorflow/tfjs-core';
import type { ObjectiveState, ObjectiveStateSpec } from './ObjectiveNeeds';

/** New scalar tensors holding a declared state's initial values (the caller disposes them). */
export function initialState(spec: ObjectiveStateSpec): ObjectiveState {
  return stateFromValues(spec, spec.initial);
}

/**
 * Scalars from stored values (a checkpoint's JSON), one per declared name; a name the values
 * lack takes its initial value.
 */
export function stateFromValues(
  spec: ObjectiveStateSpec,
  values: Readonly<Record<string, number>>,
): ObjectiveState {
  return Object.fromEntries(
    Object.entries(spec.initial).map(([k, v0]) => {
      const v = values[k];
      return [k, tf.scalar(typeof v === 'number' ? v : v0, 'float32')] as const;
    }),
  );
}
