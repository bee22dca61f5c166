export { wasmAdapter } from './wasmAdapter';
export { wasmBackendModule } from './wasmBackendModule';
export { registerWasmExtraKernels } from './registerWasmExtraKernels';
