import * as tf from '@tensorflow/tfjs-core';
import { checkedOptions, checkObjectiveName } from './checkedOptions';
import { stopGradient } from '../math/stopGradient';
import type { OptionValue } from './Objective';
import type { ObjectiveStateSpec } from './ObjectiveNeeds';
import type { OptionSpecs, OptionValues } from './OptionSpec';
import { initialState } from './initialState';
import type { UnpairedInputs, UnpairedObjective, UnpairedOutput } from './UnpairedObjective';
import { validateUnpairedInputs } from './validateUnpairedInputs';

/** An unpaired objective's definition (KTO, BCO, AOT-unpaired). */
export interface UnpairedObjectiveDefinition<S extends OptionSpecs> {
  name: string;
  requiresReference: boolean;
  /** True: the trainer builds KTO's mismatched (prompt_i, completion_{i−1}) sequences. */
  requiresKl: boolean;
  description: string;
  options: S;
  state?: ObjectiveStateSpec;
  validate?: (options: OptionValues<S>) => void;
  /** Runs inside tf.tidy on validated inputs; rewards, KL and state are detached afterwards. */
  compute: (inputs: UnpairedInputs, options: OptionValues<S>) => UnpairedOutput;
}

export interface UnpairedObjectiveFactory<O = Record<string, OptionValue | undefined>> {
  (options?: Partial<O>): UnpairedObjective;
  readonly objectiveName: string;
  readonly data: 'unpaired';
  readonly requiresReference: boolean;
  readonly requiresKl: boolean;
  readonly description: string;
  readonly options: OptionSpecs;
  readonly state?: ObjectiveStateSpec;
}

/** Builds an unpaired objective factory: options checked, inputs checked, metrics detached. */
export function defineUnpairedObjective<S extends OptionSpecs>(
  def: UnpairedObjectiveDefinition<S>,
): UnpairedObjectiveFactory<OptionValues<S>> {
  checkObjectiveName(def.name);
  const create = (given: Partial<OptionValues<S>> = {}): UnpairedObjective => {
    const options = checkedOptions(def.name, def.options, given, def.validate);
    const objective: UnpairedObjective = {
      name: def.name,
      data: 'unpaired',
      requiresReference: def.requiresReference,
      requiresKl: def.requiresKl,
      options: options as Readonly<Record<string, OptionValue>>,
      ...(def.state ? { state: def.state } : {}),
      compute(inputs: UnpairedInputs): UnpairedOutput {
        return tf.tidy(() => {
          const given = def.state && !inputs?.state ? initialState(def.state) : undefined;
          const full = given ? { ...inputs, state: given } : inputs;
          validateUnpairedInputs(objective, full);
          const out = def.compute(full, options);
          const state = out.state
            ? Object.fromEntries(Object.entries(out.state).map(([k, v]) => [k, stopGradient(v)]))
            : undefined;
          return {
            loss: out.loss,
            losses: out.losses,
            rewards: stopGradient(out.rewards),
            ...(out.kl ? { kl: stopGradient(out.kl) } : {}),
            ...(state ? { state } : {}),
          };
        });
      },
    };
    return Object.freeze(objective);
  };
  return Object.freeze(
    Object.assign(create, {
      objectiveName: def.name,
      data: 'unpaired' as const,
      requiresReference: def.requiresReference,
      requiresKl: def.requiresKl,
      description: def.description,
      options: def.options,
      ...(def.state ? { state: def.state } : {}),
    }),
  );
}

/** True for a factory made by defineUnpairedObjective (listed in a manifest's `objectives` like the rest). */
export function isUnpairedFactory(f: unknown): f is UnpairedObjectiveFactory {
  return typeof f === 'function' && (f as { data?: unknown }).data === 'unpaired';
}
