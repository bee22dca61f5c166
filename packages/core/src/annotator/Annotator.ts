import type { OptionValue } from '../objective/Objective';
import type { OptionSpec } from '../objective/OptionSpec';

/**
 * Scores responses to a prompt, higher is better: what `prefopt pairs` uses to keep the
 * best of k samples as chosen and the worst as rejected. Built-ins are rules
 * (`contains-word`); a third party can plug in a reward model, hence `score` is async and
 * takes all k responses of a prompt at once (one batch).
 */
export interface Annotator {
  readonly name: string;
  /** The resolved options (defaults filled in), frozen. */
  readonly options: Readonly<Record<string, OptionValue>>;
  /** One finite score per response, in order. */
  score(prompt: string, responses: readonly string[]): Promise<number[]>;
}

/** A free-text option (a word, a regular expression): annotators need them, objectives do not. */
export interface StringOptionSpec {
  type: 'string';
  default: string | undefined;
  description: string;
}

export type AnnotatorOptionSpec = OptionSpec | StringOptionSpec;
export type AnnotatorOptionSpecs = Readonly<Record<string, AnnotatorOptionSpec>>;

/**
 * Validates options and returns a frozen Annotator. A plugin lists it in its manifest's
 * `annotators` (PluginManifest), like objective factories.
 */
export interface AnnotatorFactory {
  (options?: Readonly<Record<string, unknown>>): Annotator;
  readonly annotatorName: string;
  readonly description: string;
  readonly options: AnnotatorOptionSpecs;
}
