import { OBJECTIVE_FACTORY, PrefoptError, type ObjectiveFactory } from '@prefopt/core';
import type { Container } from 'inversify';

/**
 * The factory bound under `name`, or a config error that lists the names available
 * (`available` is only asked for on that path: it loads the modules into a recorder).
 */
export async function resolveObjectiveFactory(
  container: Container,
  name: string,
  available: () => Promise<string[]>,
): Promise<ObjectiveFactory> {
  if (container.isBound(OBJECTIVE_FACTORY, { name })) {
    return container.get<ObjectiveFactory>(OBJECTIVE_FACTORY, { name });
  }
  const names = await available();
  throw new PrefoptError(
    'config',
    `unknown objective '${name}'. Available: ${names.join(', ')}. ` +
      `(A third-party objective needs --plugin <package or path>.)`,
  );
}
