import type { PluginManifest } from '@prefopt/core';
import { nodeGpuAdapter } from './nodeGpuAdapter';

/** This package's plugin manifest: the `node-gpu` backend adapter. */
export const nodeGpuBackendPlugin: PluginManifest = {
  name: '@prefopt/backend-node-gpu',
  backends: [nodeGpuAdapter],
};
