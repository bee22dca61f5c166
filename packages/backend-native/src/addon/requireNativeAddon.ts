import { PrefoptError } from '@prefopt/core';
import type { NativeAddon } from './NativeAddon';
import { loadNativeAddon } from './loadNativeAddon';

/** The addon, or a `backend` error naming why it is missing and how to build it. */
export function requireNativeAddon(adapterName: string): NativeAddon {
  const load = loadNativeAddon();
  if (!load.addon)
    throw new PrefoptError('backend', `backend '${adapterName}' is unavailable: ${load.reason}`);
  return load.addon;
}
