import type { PluginManifest } from '@prefopt/core';
import { wasmAdapter } from './wasmAdapter';

/** This package's plugin manifest: the `wasm` backend adapter. */
export const wasmBackendPlugin: PluginManifest = {
  name: '@prefopt/backend-wasm',
  backends: [wasmAdapter],
};
