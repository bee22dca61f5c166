import { OBJECTIVE_FACTORY } from '@prefopt/core';
import type { ContainerModule } from 'inversify';

/**
 * The names modules bind under OBJECTIVE_FACTORY, in load order. inversify cannot list
 * the names of named bindings, so each module is loaded into a recorder whose `bind`
 * accepts any fluent chain and notes `bind(OBJECTIVE_FACTORY)….whenNamed(name)`. The
 * container stays the source of the factories themselves.
 */
export async function boundObjectiveNames(modules: readonly ContainerModule[]): Promise<string[]> {
  const names: string[] = [];
  const chain = (isObjective: boolean): unknown =>
    new Proxy(() => undefined, {
      get:
        (_target, prop) =>
        (...args: unknown[]) => {
          if (isObjective && prop === 'whenNamed' && typeof args[0] === 'string')
            names.push(args[0]);
          return chain(isObjective);
        },
      apply: () => chain(isObjective),
    });
  const options = new Proxy(
    {},
    {
      get: (_target, prop) =>
        prop === 'bind'
          ? (id: unknown) => chain(id === OBJECTIVE_FACTORY)
          : prop === 'isBound' || prop === 'isCurrentBound'
            ? () => false
            : () => chain(false),
    },
  );
  for (const m of modules) await (m as unknown as { load(o: unknown): unknown }).load(options);
  return [...new Set(names)];
}
