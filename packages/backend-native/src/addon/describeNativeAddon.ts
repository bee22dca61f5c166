import type { BackendDeviceInfo } from '@prefopt/core';
import { loadNativeAddon } from './loadNativeAddon';

/** deviceInfo() of the native adapters: OpenBLAS version and threads; undefined without the addon. */
export function describeNativeAddon(storage: string): BackendDeviceInfo | undefined {
  const load = loadNativeAddon();
  if (!load.addon) return undefined;
  const threads = load.addon.setThreads(0);
  const blas = load.addon.blasConfig().split(' ').slice(0, 2).join(' ');
  return {
    description: `native CPU kernels (${blas}, ${threads} thread${threads === 1 ? '' : 's'}) on ${storage}`,
    software: false,
  };
}
