import { PrefoptError } from '../errors/PrefoptError';
import type { OptionValue } from '../objective/Objective';
import type { OptionSpecs } from '../objective/OptionSpec';
import { resolveOptions } from '../objective/resolveOptions';
import type { Annotator, AnnotatorFactory, AnnotatorOptionSpecs } from './Annotator';

export interface AnnotatorDefinition {
  name: string;
  /** One line: what the score means. */
  description: string;
  options: AnnotatorOptionSpecs;
  /** Cross-option checks (a pattern that must compile); throw PrefoptError('config'). */
  validate?: (options: Readonly<Record<string, OptionValue>>) => void;
  /** Scores on validated options; may be sync or async. Must return one number per response. */
  score: (
    prompt: string,
    responses: readonly string[],
    options: Readonly<Record<string, OptionValue>>,
  ) => number[] | Promise<number[]>;
}

/**
 * Builds an annotator factory: options are checked where they are declared (string
 * options here, the rest by `resolveOptions`), and every score list is checked for
 * length and finiteness before `prefopt pairs` trusts it.
 */
export function defineAnnotator(def: AnnotatorDefinition): AnnotatorFactory {
  if (!/^[a-z][a-z0-9-]*$/.test(def.name)) {
    throw new PrefoptError('config', `annotator name '${def.name}' must be lower-case kebab-case.`);
  }
  const stringKeys = Object.keys(def.options).filter((k) => def.options[k].type === 'string');
  const otherSpecs = Object.fromEntries(
    Object.entries(def.options).filter(([k]) => !stringKeys.includes(k)),
  ) as OptionSpecs;
  const create = (given: Readonly<Record<string, unknown>> = {}): Annotator => {
    if (typeof given !== 'object' || given === null || Array.isArray(given)) {
      throw new PrefoptError(
        'config',
        `${def.name}: options must be an object, got ${JSON.stringify(given)}.`,
      );
    }
    const rest = Object.fromEntries(Object.entries(given).filter(([k]) => !stringKeys.includes(k)));
    const resolved: Record<string, OptionValue | undefined> = resolveOptions(
      def.name,
      otherSpecs,
      rest,
    );
    for (const key of stringKeys) {
      const value = given[key] ?? def.options[key].default;
      if (value === undefined) {
        throw new PrefoptError(
          'config',
          `${def.name}: option '${key}' is required (${def.options[key].description}).`,
        );
      }
      if (typeof value !== 'string' || value === '') {
        throw new PrefoptError(
          'config',
          `${def.name}: option '${key}' must be a non-empty string, got ${JSON.stringify(value)}.`,
        );
      }
      resolved[key] = value;
    }
    const options = Object.freeze(
      Object.fromEntries(Object.entries(resolved).filter(([, v]) => v !== undefined)),
    ) as Readonly<Record<string, OptionValue>>;
    def.validate?.(options);
    return Object.freeze({
      name: def.name,
      options,
      async score(prompt: string, responses: readonly string[]): Promise<number[]> {
        const scores = await def.score(prompt, responses, options);
        if (!Array.isArray(scores) || scores.length !== responses.length) {
          throw new PrefoptError(
            'plugin',
            `annotator '${def.name}' returned ${Array.isArray(scores) ? scores.length : typeof scores} scores for ${responses.length} responses; it must return one number per response.`,
          );
        }
        const bad = scores.findIndex((s) => typeof s !== 'number' || !Number.isFinite(s));
        if (bad >= 0) {
          throw new PrefoptError(
            'numeric',
            `annotator '${def.name}' gave a non-finite score (${scores[bad]}) to response ${bad}.`,
          );
        }
        return scores;
      },
    });
  };
  return Object.freeze(
    Object.assign(create, {
      annotatorName: def.name,
      description: def.description,
      options: def.options,
    }),
  );
}
