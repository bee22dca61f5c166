import { BACKEND_ADAPTER } from '@prefopt/core';
import { ContainerModule } from 'inversify';
import { nodeAdapter } from './nodeAdapter';

/** Binds the node adapter under BACKEND_ADAPTER, named 'node'. */
export const nodeBackendModule = new ContainerModule(({ bind }) => {
  bind(BACKEND_ADAPTER).toConstantValue(nodeAdapter).whenNamed(nodeAdapter.name);
});
