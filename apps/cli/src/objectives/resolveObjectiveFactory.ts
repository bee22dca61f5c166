import type { ObjectiveFactory, Registry, UnpairedObjectiveFactory } from '@prefopt/core';

/**
 * The factory the registry holds under `name`, or the registry's one-line config error
 * listing the objectives available (bundled and from every --plugin) and the nearest name.
 */
export function resolveObjectiveFactory(
  registry: Registry,
  name: string,
): ObjectiveFactory | UnpairedObjectiveFactory {
  return registry.get('objective', name);
}
