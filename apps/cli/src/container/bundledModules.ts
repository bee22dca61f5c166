import type { ContainerModule } from 'inversify';

/** The ContainerModules of the plugins that ship with prefopt. */
export function bundledModules(): ContainerModule[] {
  return [];
}
