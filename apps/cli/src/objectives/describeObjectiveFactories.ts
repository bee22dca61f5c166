import { describeRange, type AnyObjectiveFactory } from '@prefopt/core';
import { kebabCase } from '../args/parseArgs';

/** One objective as `prefopt objectives --json` prints it. */
export interface ObjectiveListing {
  name: string;
  requiresReference: boolean;
  description: string;
  /** 'paired' (chosen/rejected pairs) or 'unpaired' (prompt, completion, label: kto, bco). */
  data: 'paired' | 'unpaired';
  /** Opt-in per-token inputs declared by the factory (objective contract v2), or null. */
  needs: { tokenLogps?: boolean; tokenLogitStats?: boolean } | null;
  /** Names of the state the trainer carries between steps (bco's running δ), or null. */
  state: string[] | null;
  options: {
    name: string;
    flag: string;
    type: 'number' | 'boolean' | 'enum';
    default: number | boolean | string | null;
    range: string;
    description: string;
  }[];
}

/** Factories → plain listings (default `null` where an option is unset unless given). */
export function describeObjectiveFactories(
  factories: readonly AnyObjectiveFactory[],
): ObjectiveListing[] {
  return factories.map((f) => ({
    name: f.objectiveName,
    requiresReference: f.requiresReference,
    description: f.description,
    data: f.data ?? 'paired',
    needs: ('needs' in f ? f.needs : undefined) ?? null,
    state: f.state ? Object.keys(f.state.initial) : null,
    options: Object.entries(f.options).map(([name, spec]) => ({
      name,
      flag: `--${kebabCase(name)}`,
      type: spec.type,
      default: spec.default ?? null,
      range: describeRange(spec),
      description: spec.description,
    })),
  }));
}
