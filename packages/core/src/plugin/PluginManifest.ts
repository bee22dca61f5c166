import type { AnnotatorFactory } from '../annotator/Annotator';
import type { BackendAdapter } from '../backend/BackendAdapter';
import type { ObjectiveFactory } from '../objective/defineObjective';
import type { UnpairedObjectiveFactory } from '../objective/defineUnpairedObjective';

/** A paired (`defineObjective`) or unpaired (`defineUnpairedObjective`) objective factory. */
export type AnyObjectiveFactory = ObjectiveFactory | UnpairedObjectiveFactory;

/**
 * What a plugin package exports: one plain object naming what it adds. No container, no
 * import side effects; the composition root reads it into a Registry (createRegistry).
 * A `--plugin` module exports it as its default export or as `plugin`.
 */
export interface PluginManifest {
  /** Names the plugin in errors ("objective 'x' is in both plugin 'a' and plugin 'b'"). */
  readonly name: string;
  readonly objectives?: readonly AnyObjectiveFactory[];
  readonly backends?: readonly BackendAdapter[];
  readonly annotators?: readonly AnnotatorFactory[];
}
