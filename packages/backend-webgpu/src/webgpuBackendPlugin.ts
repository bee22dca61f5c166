import type { PluginManifest } from '@prefopt/core';
import { webgpuAdapter } from './webgpuAdapter';

/** This package's plugin manifest: the `webgpu` backend adapter. */
export const webgpuBackendPlugin: PluginManifest = {
  name: '@prefopt/backend-webgpu',
  backends: [webgpuAdapter],
};
