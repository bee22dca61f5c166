import type { BackendActivateOptions, BackendDeviceInfo } from '@prefopt/core';
import { PrefoptError } from '@prefopt/core';
import { describeNativeAddon } from './addon/describeNativeAddon';
import { loadNativeAddon } from './addon/loadNativeAddon';
import { requireNativeAddon } from './addon/requireNativeAddon';
import type { NativeBackendAdapter } from './nativeAdapter';
import { NATIVE_CPU_BACKEND, registerNativeCpuBackend } from './registerNativeCpuBackend';

/**
 * The native kernels on the cpu backend's storage (plain typed arrays): no wasm 4 GiB
 * heap ceiling, but tfjs's JavaScript element-wise kernels (slow with broadcasting).
 * For models whose step does not fit the wasm heap; ranked below `native` and `wasm`.
 */
export const nativeCpuAdapter: NativeBackendAdapter = Object.freeze({
  name: NATIVE_CPU_BACKEND,
  priority: 15,

  async isAvailable(): Promise<boolean> {
    return loadNativeAddon().addon !== undefined;
  },

  unavailableReason(): string | undefined {
    const load = loadNativeAddon();
    return load.addon ? undefined : load.reason;
  },

  async activate(options: BackendActivateOptions = {}): Promise<void> {
    const addon = requireNativeAddon(NATIVE_CPU_BACKEND);
    const tf = await import('@tensorflow/tfjs'); // gradients + cpu kernels, copied by the backend
    tf.env().set('PROD', true);
    registerNativeCpuBackend(addon);
    if (options.threads !== undefined) addon.setThreads(options.threads);
    if (!(await tf.setBackend(NATIVE_CPU_BACKEND))) {
      throw new PrefoptError(
        'backend',
        `backend '${NATIVE_CPU_BACKEND}' failed to start. Use --backend wasm or cpu.`,
      );
    }
    await tf.ready();
  },

  async deviceInfo(): Promise<BackendDeviceInfo | undefined> {
    return describeNativeAddon('the cpu backend storage');
  },
});
