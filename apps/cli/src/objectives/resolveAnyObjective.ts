import { isUnpairedFactory, type UnpairedObjective } from '@prefopt/core';
import type { AnyObjective } from '@prefopt/trainer';
import type { ParsedArgs } from '../args/parseArgs';
import { objectiveOptionsFromFlags } from './objectiveOptionsFromFlags';
import { resolveObjective, type ResolveObjectiveOptions } from './resolveObjective';

/**
 * Like `resolveObjective`, for the verbs that also run unpaired objectives (train, loss):
 * a single name of an unpaired factory (kto, bco) gives that objective; anything
 * else goes through `resolveObjective`.
 */
export async function resolveAnyObjective(
  spec: string,
  args: ParsedArgs,
  o: ResolveObjectiveOptions,
): Promise<AnyObjective> {
  const name = spec.trim();
  if (/^[a-z][a-z0-9-]*$/.test(name) && o.registry.has('objective', name)) {
    const factory = o.registry.get('objective', name);
    if (isUnpairedFactory(factory)) {
      return factory(
        objectiveOptionsFromFlags(factory, args, o.config ?? {}, o.ownFlags),
      ) as UnpairedObjective;
    }
  }
  return resolveObjective(spec, args, o);
}
