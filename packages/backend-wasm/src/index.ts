export { wasmAdapter } from './wasmAdapter';
export { wasmBackendPlugin } from './wasmBackendPlugin';
export { registerWasmExtraKernels } from './registerWasmExtraKernels';
