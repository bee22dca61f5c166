import { BACKEND_ADAPTER } from '@prefopt/core';
import { ContainerModule } from 'inversify';
import { cpuAdapter } from './cpuAdapter';

/** Binds the cpu adapter under BACKEND_ADAPTER, named 'cpu'. */
export const cpuBackendModule = new ContainerModule(({ bind }) => {
  bind(BACKEND_ADAPTER).toConstantValue(cpuAdapter).whenNamed(cpuAdapter.name);
});
