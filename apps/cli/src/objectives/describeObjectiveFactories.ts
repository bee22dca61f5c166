import { describeRange, type ObjectiveFactory } from '@prefopt/core';
import { kebabCase } from '../args/parseArgs';

/** One objective as `prefopt objectives --json` prints it. */
export interface ObjectiveListing {
  name: string;
  requiresReference: boolean;
  description: string;
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
  factories: readonly ObjectiveFactory[],
): ObjectiveListing[] {
  return factories.map((f) => ({
    name: f.objectiveName,
    requiresReference: f.requiresReference,
    description: f.description,
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
