import type { BackendActivateOptions, BackendAdapter, BackendDeviceInfo } from '@prefopt/core';
import { wasmAdapter } from '@prefopt/backend-wasm';
import { describeNativeAddon } from './addon/describeNativeAddon';
import { loadNativeAddon } from './addon/loadNativeAddon';
import { requireNativeAddon } from './addon/requireNativeAddon';
import { wasmMemory, type WasmBackendLike } from './kernels/wasmMemory';
import { registerNativeKernels } from './registerNativeKernels';

/** BackendAdapter plus why it is unavailable, for `--backend auto` logs and errors. */
export interface NativeBackendAdapter extends BackendAdapter {
  /** Undefined when the addon loads; else one line naming what is missing and how to build it. */
  unavailableReason(): string | undefined;
}

/**
 * prefopt's native CPU backend: tfjs's wasm backend (SIMD element-wise kernels, tensors in
 * its heap) with the hot kernels (matmuls, softmax, fused token log-probs, stack/unstack,
 * pair reverse) replaced by an N-API addon over OpenBLAS that works on zero-copy views of
 * the heap, multi-threaded. tfjs reports the backend as 'wasm'. Optional: without the
 * addon isAvailable() is false and `--backend auto` takes plain wasm.
 */
export const nativeAdapter: NativeBackendAdapter = Object.freeze({
  name: 'native',
  priority: 25,

  async isAvailable(): Promise<boolean> {
    return loadNativeAddon().addon !== undefined && (await wasmAdapter.isAvailable());
  },

  unavailableReason(): string | undefined {
    const load = loadNativeAddon();
    return load.addon ? undefined : load.reason;
  },

  async activate(options: BackendActivateOptions = {}): Promise<void> {
    const addon = requireNativeAddon('native');
    await wasmAdapter.activate(options);
    registerNativeKernels(addon, 'wasm', (b) => wasmMemory(b as WasmBackendLike));
    if (options.threads !== undefined) addon.setThreads(options.threads);
  },

  async deviceInfo(): Promise<BackendDeviceInfo | undefined> {
    return describeNativeAddon('the wasm backend');
  },
});
