export { nodeGpuAdapter } from './nodeGpuAdapter';
export { nodeGpuBackendPlugin } from './nodeGpuBackendPlugin';
export { createNodeGpuAdapter } from './createNodeGpuAdapter';
export type { NodeGpuAdapterOptions } from './createNodeGpuAdapter';
