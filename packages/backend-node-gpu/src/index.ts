export { nodeGpuAdapter } from './nodeGpuAdapter';
export { nodeGpuBackendModule } from './nodeGpuBackendModule';
export { createNodeGpuAdapter } from './createNodeGpuAdapter';
export type { NodeGpuAdapterOptions } from './createNodeGpuAdapter';
