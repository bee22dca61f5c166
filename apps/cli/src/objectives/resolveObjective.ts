import { PrefoptError, type Objective, type Registry } from '@prefopt/core';
import { combine } from '@prefopt/objective-combine';
import { kebabCase, type ParsedArgs } from '../args/parseArgs';
import { objectiveOptionsFromFlags } from './objectiveOptionsFromFlags';
import { parseObjectiveSpec } from './parseObjectiveSpec';
import { refuseUnpaired } from './refuseUnpaired';
import { resolveObjectiveFactory } from './resolveObjectiveFactory';

export interface ResolveObjectiveOptions {
  /** Every objective (bundled and from each --plugin); its errors list the names. */
  registry: Registry;
  /** Option values from a config file (lowest precedence). */
  config?: Readonly<Record<string, unknown>>;
  /** The verb's own flags; any other flag must be an option of the objective. */
  ownFlags?: ReadonlySet<string>;
}

/**
 * `--objective NAME` (+ `--params`, option flags, config values) → a configured Objective.
 * A weighted sum `dpo+0.05*sft` becomes `combine([...])`; its options come from `--params`
 * keyed by part name: `{"dpo": {"beta": 0.1}, "sft": {}}`.
 */
export async function resolveObjective(
  spec: string,
  args: ParsedArgs,
  o: ResolveObjectiveOptions,
): Promise<Objective> {
  const terms = parseObjectiveSpec(spec);
  if (terms.length === 1 && !spec.includes('*')) {
    const factory = refuseUnpaired(
      resolveObjectiveFactory(o.registry, terms[0].name),
      terms[0].name,
    );
    return factory(objectiveOptionsFromFlags(factory, args, o.config ?? {}, o.ownFlags));
  }
  const params = objectiveOptionsFromFlags(
    { objectiveName: spec, options: {} },
    args,
    o.config ?? {},
    undefined,
  );
  const stray = Object.keys(args.flags).filter(
    (k) => k !== 'params' && o.ownFlags && !o.ownFlags.has(k),
  );
  if (stray.length) {
    throw new PrefoptError(
      'config',
      `--objective '${spec}' combines objectives: give their options in --params keyed by name, e.g. ` +
        `'{"${terms[0].name}":{"beta":0.1}}', not as --${kebabCase(stray[0])}.`,
    );
  }
  for (const key of Object.keys(params)) {
    if (!terms.some((t) => t.name === key)) {
      throw new PrefoptError(
        'config',
        `--params key '${key}' is not a part of --objective '${spec}' (parts: ${terms.map((t) => t.name).join(', ')}).`,
      );
    }
  }
  const parts = [];
  for (const term of terms) {
    const factory = refuseUnpaired(resolveObjectiveFactory(o.registry, term.name), term.name);
    const own = params[term.name];
    if (own !== undefined && (typeof own !== 'object' || own === null || Array.isArray(own))) {
      throw new PrefoptError(
        'config',
        `--params '${term.name}' must be an object of ${term.name}'s options, got ${JSON.stringify(own)}.`,
      );
    }
    parts.push({ objective: factory((own ?? {}) as Record<string, never>), weight: term.weight });
  }
  return combine(parts);
}
