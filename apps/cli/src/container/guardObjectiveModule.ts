import { OBJECTIVE_FACTORY, type ObjectiveFactory } from '@prefopt/core';
import { ContainerModule, type ContainerModuleLoadOptions } from 'inversify';
import { checkedFactory } from './checkedObjective';

type Fluent = Record<string | symbol, unknown>;

/** Calls to a fluent-syntax object, each result passed through `wrap` (methods keep `this`). */
function passThrough(target: Fluent, wrap: (result: unknown) => unknown, own: Fluent = {}): Fluent {
  return new Proxy(target, {
    get: (t, p) => {
      if (p in own) return own[p];
      const v = Reflect.get(t, p) as unknown;
      return typeof v === 'function'
        ? (...a: unknown[]) => wrap((v as (...x: unknown[]) => unknown).apply(t, a))
        : v;
    },
  });
}

/**
 * `module` as loaded from `source`: each objective factory it binds is wrapped by
 * checkedFactory (outputs shape-checked, errors naming `source`), and a binding of a name
 * for which `keep(name)` is false (another source overrides it, `--override NAME`) is
 * removed right after it is made.
 */
export function guardObjectiveModule(
  module: ContainerModule,
  source: string,
  keep: (name: string) => boolean,
): ContainerModule {
  return new ContainerModule((options: ContainerModuleLoadOptions) => {
    const whenNamed = (syntax: unknown): unknown =>
      passThrough(syntax as Fluent, whenNamed, {
        whenNamed: (name: string) => {
          const bound = (
            syntax as { whenNamed(n: string): { getIdentifier(): unknown } }
          ).whenNamed(name);
          if (!keep(name))
            options.unbind(bound.getIdentifier() as Parameters<typeof options.unbind>[0]);
          return bound;
        },
      });
    const bind = ((id: unknown) => {
      const to = options.bind(id as never) as unknown as Fluent;
      if (id !== OBJECTIVE_FACTORY) return to;
      return passThrough(to, whenNamed, {
        toConstantValue: (f: ObjectiveFactory) =>
          whenNamed(
            (to.toConstantValue as (v: unknown) => unknown)(
              typeof f === 'function' ? checkedFactory(f, source) : f,
            ),
          ),
      });
    }) as unknown as ContainerModuleLoadOptions['bind'];
    return module.load({ ...options, bind });
  });
}
