import { BACKEND_ADAPTER } from '@prefopt/core';
import { ContainerModule } from 'inversify';
import { nativeAdapter } from './nativeAdapter';
import { nativeCpuAdapter } from './nativeCpuAdapter';

/** Binds the native adapters under BACKEND_ADAPTER, named 'native' and 'native-cpu'. */
export const nativeBackendModule = new ContainerModule(({ bind }) => {
  bind(BACKEND_ADAPTER).toConstantValue(nativeAdapter).whenNamed(nativeAdapter.name);
  bind(BACKEND_ADAPTER).toConstantValue(nativeCpuAdapter).whenNamed(nativeCpuAdapter.name);
});
