import { BACKEND_ADAPTER } from '@prefopt/core';
import { ContainerModule } from 'inversify';
import { nodeGpuAdapter } from './nodeGpuAdapter';

/** Binds the node-gpu adapter under BACKEND_ADAPTER, named 'node-gpu'. */
export const nodeGpuBackendModule = new ContainerModule(({ bind }) => {
  bind(BACKEND_ADAPTER).toConstantValue(nodeGpuAdapter).whenNamed(nodeGpuAdapter.name);
});
