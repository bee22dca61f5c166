import * as tf from '@tensorflow/tfjs-core';
import { stateFromValues, type ObjectiveState, type ObjectiveStateSpec } from '@prefopt/core';

/**
 * Holds a stateful objective's state between micro-batches (kept scalars): the trainer
 * passes `current` to the objective and `advance`s to the state it returns (training only),
 * writes `values()` into checkpoints and starts from them on resume.
 */
export class ObjectiveStateCarrier {
  private state: ObjectiveState;

  constructor(
    readonly spec: ObjectiveStateSpec,
    values: Readonly<Record<string, number>> = spec.initial,
  ) {
    this.state = tf.tidy(() => keepAll(stateFromValues(spec, values)));
  }

  get current(): ObjectiveState {
    return this.state;
  }

  /** Takes ownership of `next` (kept), disposing the previous state. */
  advance(next: ObjectiveState | undefined): void {
    if (!next) return;
    const old = this.state;
    this.state = keepAll(next);
    tf.dispose(Object.values(old).filter((t) => !Object.values(this.state).includes(t)));
  }

  /** The state's values, read with `await data()` (no synchronous read), for a checkpoint. */
  async values(): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    for (const [k, t] of Object.entries(this.state)) out[k] = (await t.data())[0];
    return out;
  }

  dispose(): void {
    tf.dispose(Object.values(this.state));
  }
}

function keepAll(s: ObjectiveState): ObjectiveState {
  return Object.fromEntries(Object.entries(s).map(([k, t]) => [k, tf.keep(t)]));
}
