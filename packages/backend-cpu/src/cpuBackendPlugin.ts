import type { PluginManifest } from '@prefopt/core';
import { cpuAdapter } from './cpuAdapter';

/** This package's plugin manifest: the `cpu` backend adapter. */
export const cpuBackendPlugin: PluginManifest = {
  name: '@prefopt/backend-cpu',
  backends: [cpuAdapter],
};
