import { REGISTRY } from '@prefopt/core';
import { Container } from 'inversify';
import { createRegistryFor } from './createRegistryFor';

/**
 * The composition root: the only place prefopt builds an inversify Container. It binds the
 * one Registry (bundled manifests plus every `--plugin`, see createRegistryFor) under
 * REGISTRY; verbs read the registry, never the container.
 */
export async function createContainer(
  pluginSpecs: readonly string[],
  cwd: string,
  overrides: readonly string[] = [],
): Promise<Container> {
  const container = new Container();
  container.bind(REGISTRY).toConstantValue(await createRegistryFor(pluginSpecs, cwd, overrides));
  return container;
}
