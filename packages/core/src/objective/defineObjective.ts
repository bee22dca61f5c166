import * as tf from '@tensorflow/tfjs-core';
import { checkedOptions, checkObjectiveName } from './checkedOptions';
import { stopGradient } from '../math/stopGradient';
import type { Objective, ObjectiveInputs, ObjectiveOutput, OptionValue } from './Objective';
import type { ObjectiveNeeds, ObjectiveStateSpec } from './ObjectiveNeeds';
import { initialState } from './initialState';
import type { OptionSpecs, OptionValues } from './OptionSpec';
import { validateInputs } from './validateInputs';

/** An objective's definition: metadata, declared options and the loss itself. */
export interface ObjectiveDefinition<S extends OptionSpecs> {
  name: string;
  requiresReference: boolean;
  /** One line: the paper and what the loss does. */
  description: string;
  options: S;
  /**
   * Opt-in inputs (per-token log-probs, logit statistics), fixed or chosen by the options
   * (ORPO's NLL over prompt + completion needs per-token log-probs; its completion-only form does not).
   */
  needs?: ObjectiveNeeds | ((options: OptionValues<S>) => ObjectiveNeeds);
  /** A state the trainer carries between steps (BCO's running δ); `compute` gets it in `inputs.state`. */
  state?: ObjectiveStateSpec;
  /** Cross-option checks that one spec cannot express; throw PrefoptError('config'). */
  validate?: (options: OptionValues<S>) => void;
  /**
   * The loss, on validated inputs. Runs inside tf.tidy; rewards are detached afterwards,
   * so it may return them with gradient. A stateful objective returns its next state.
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
  /** 'paired' (absent on factories made by an older core: paired too). */
  readonly data?: 'paired';
  /** The declared needs when they do not depend on the options. */
  readonly needs?: ObjectiveNeeds;
  readonly state?: ObjectiveStateSpec;
}

/**
 * Builds an objective factory from a definition: options are checked where they are
 * declared, inputs are checked before compute, rewards are cut from the gradient.
 */
export function defineObjective<S extends OptionSpecs>(
  def: ObjectiveDefinition<S>,
): ObjectiveFactory<OptionValues<S>> {
  checkObjectiveName(def.name);
  const create = (given: Partial<OptionValues<S>> = {}): Objective => {
    const options = checkedOptions(def.name, def.options, given, def.validate);
    const needs = typeof def.needs === 'function' ? def.needs(options) : def.needs;
    const objective: Objective = {
      name: def.name,
      requiresReference: def.requiresReference,
      options: options as Readonly<Record<string, OptionValue>>,
      ...(needs && (needs.tokenLogps || needs.tokenLogitStats)
        ? { needs: Object.freeze({ ...needs, tokenLogps: true }) }
        : {}),
      ...(def.state ? { state: def.state } : {}),
      compute(inputs: ObjectiveInputs): ObjectiveOutput {
        return tf.tidy(() => {
          // A single evaluation (prefopt loss, ablate) starts from the declared initial state.
          const given = def.state && !inputs?.state ? initialState(def.state) : undefined;
          const full = given ? { ...inputs, state: given } : inputs;
          validateInputs(objective, full);
          const out = def.compute(full, options);
          const state = out.state
            ? Object.fromEntries(
                Object.entries(out.state).map(([k, v]) => [k, stopGradient(v)] as const),
              )
            : undefined;
          return {
            loss: out.loss,
            losses: out.losses,
            chosenRewards: stopGradient(out.chosenRewards),
            rejectedRewards: stopGradient(out.rejectedRewards),
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
      requiresReference: def.requiresReference,
      description: def.description,
      options: def.options,
      data: 'paired' as const,
      ...(typeof def.needs === 'object' ? { needs: def.needs } : {}),
      ...(def.state ? { state: def.state } : {}),
    }),
  );
}
