export { nodeAdapter } from './nodeAdapter';
export { nodeBackendPlugin } from './nodeBackendPlugin';
export { createNodeAdapter } from './createNodeAdapter';
export type { NodeAdapterOptions } from './createNodeAdapter';
export { locateNativePackage } from './locateNativePackage';
export type { NativePackageLocation } from './locateNativePackage';
export { createNativeAdapter } from './createNativeAdapter';
export type { NativeAdapterSpec } from './createNativeAdapter';
export { nodeFusedLevers, syncNodeFusedKernels } from './kernels/fused/registerFusedKernels';
