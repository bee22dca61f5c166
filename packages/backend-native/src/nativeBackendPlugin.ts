import type { PluginManifest } from '@prefopt/core';
import { nativeAdapter } from './nativeAdapter';
import { nativeCpuAdapter } from './nativeCpuAdapter';

/** This package's plugin manifest: the `native` and `native-cpu` backend adapters. */
export const nativeBackendPlugin: PluginManifest = {
  name: '@prefopt/backend-native',
  backends: [nativeAdapter, nativeCpuAdapter],
};
