import { BACKEND_ADAPTER } from '@prefopt/core';
import { ContainerModule } from 'inversify';
import { wasmAdapter } from './wasmAdapter';

/** Binds the wasm adapter under BACKEND_ADAPTER, named 'wasm'. */
export const wasmBackendModule = new ContainerModule(({ bind }) => {
  bind(BACKEND_ADAPTER).toConstantValue(wasmAdapter).whenNamed(wasmAdapter.name);
});
