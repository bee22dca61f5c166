export { webgpuAdapter } from './webgpuAdapter';
export { webgpuBackendModule } from './webgpuBackendModule';
export { gpuAdapterInfo } from './gpuAdapterInfo';
