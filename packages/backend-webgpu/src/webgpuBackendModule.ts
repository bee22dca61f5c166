import { BACKEND_ADAPTER } from '@prefopt/core';
import { ContainerModule } from 'inversify';
import { webgpuAdapter } from './webgpuAdapter';

/** Binds the webgpu adapter under BACKEND_ADAPTER, named 'webgpu'. */
export const webgpuBackendModule = new ContainerModule(({ bind }) => {
  bind(BACKEND_ADAPTER).toConstantValue(webgpuAdapter).whenNamed(webgpuAdapter.name);
});
