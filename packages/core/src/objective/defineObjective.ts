import * as tf from '@tensorflow/tfjs-core';
import { PrefoptError } from '../errors/PrefoptError';
import { stopGradient } from '../math/stopGradient';
import type { Objective, ObjectiveInputs, ObjectiveOutput, OptionValue } from './Objective';
import type { OptionSpecs, OptionValues } from './OptionSpec';
import { resolveOptions } from './resolveOptions';
import { validateInputs } from './validateInputs';

/** An objective's definition: metadata, declared options and the loss itself. */
export interface ObjectiveDefinition<S extends OptionSpecs> {
  name: string;
  requiresReference: boolean;
  /** One line: the paper and what the loss does. */
  description: string;
  options: S;
  /** Cross-option checks that one spec cannot express; throw PrefoptError('config'). */
  validate?: (options: OptionValues<S>) => void;
  /**
   * The loss, on validated inputs. Runs inside tf.tidy; rewards are detached afterwards,
   * so it may return them with gradient.
   */
  compute: (inputs: ObjectiveInputs, options: OptionValues<S>) => ObjectiveOutput;
}

/** A factory that validates options and returns a frozen Objective, with its metadata. */
export interface ObjectiveFactory<O = Record<string, OptionValue | undefined>> {
  (options?: Partial<O>): Objective;
  readonly objectiveName: string;
  readonly requiresReference: boolean;
  readonly description: string;
  readonly options: OptionSpecs;
}

/**
 * Builds an objective factory from a definition: options are checked where they are
 * declared, inputs are checked before compute, rewards are cut from the gradient.
 */
export function defineObjective<S extends OptionSpecs>(
  def: ObjectiveDefinition<S>,
): ObjectiveFactory<OptionValues<S>> {
  if (!/^[a-z][a-z0-9-]*$/.test(def.name)) {
    throw new PrefoptError('config', `objective name '${def.name}' must be lower-case kebab-case.`);
  }
  const create = (given: Partial<OptionValues<S>> = {}): Objective => {
    if (typeof given !== 'object' || given === null || Array.isArray(given)) {
      throw new PrefoptError(
        'config',
        `${def.name}: options must be an object, got ${JSON.stringify(given)}.`,
      );
    }
    const options = Object.freeze(
      resolveOptions(def.name, def.options, given as Record<string, unknown>),
    ) as OptionValues<S>;
    def.validate?.(options);
    const objective: Objective = {
      name: def.name,
      requiresReference: def.requiresReference,
      options: options as Readonly<Record<string, OptionValue>>,
      compute(inputs: ObjectiveInputs): ObjectiveOutput {
        validateInputs(objective, inputs);
        return tf.tidy(() => {
          const out = def.compute(inputs, options);
          return {
            loss: out.loss,
            losses: out.losses,
            chosenRewards: stopGradient(out.chosenRewards),
            rejectedRewards: stopGradient(out.rejectedRewards),
          };
        });
      },
    };
    return Object.freeze(objective);
  };
  return Object.freeze(
    Object.assign(create, {
      objectiveName: def.name,
      requiresReference: def.requiresReference,
      description: def.description,
      options: def.options,
    }),
  );
}
