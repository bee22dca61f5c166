import type { PluginManifest } from '@prefopt/core';
import { nodeAdapter } from './nodeAdapter';

/** This package's plugin manifest: the `node` backend adapter. */
export const nodeBackendPlugin: PluginManifest = {
  name: '@prefopt/backend-node',
  backends: [nodeAdapter],
};
