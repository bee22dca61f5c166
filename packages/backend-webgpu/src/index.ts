export { webgpuAdapter } from './webgpuAdapter';
export { webgpuBackendPlugin } from './webgpuBackendPlugin';
export { gpuAdapterInfo } from './gpuAdapterInfo';
