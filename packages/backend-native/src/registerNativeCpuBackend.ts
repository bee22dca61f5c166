import { MathBackendCPU } from '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import type { NativeAddon } from './addon/NativeAddon';
import { cpuMemory } from './kernels/cpuMemory';
import { registerNativeKernels } from './registerNativeKernels';

/** The tfjs backend name of the cpu-storage variant. */
export const NATIVE_CPU_BACKEND = 'native-cpu';

/**
 * Registers tfjs backend `native-cpu`: the cpu backend's storage (plain typed arrays, so no
 * wasm 4 GiB heap ceiling) and a copy of every cpu kernel, with the hot ones replaced by
 * the addon's. Needs the cpu kernels registered (`import '@tensorflow/tfjs'`). Idempotent.
 */
export function registerNativeCpuBackend(addon: NativeAddon): void {
  if (tf.findBackendFactory(NATIVE_CPU_BACKEND)) return;
  for (const config of tf.getKernelsForBackend('cpu')) {
    tf.registerKernel({ ...config, backendName: NATIVE_CPU_BACKEND });
  }
  registerNativeKernels(addon, NATIVE_CPU_BACKEND, (b) => cpuMemory(b as MathBackendCPU));
  // Priority below cpu (1): never picked unless asked for by name.
  tf.registerBackend(NATIVE_CPU_BACKEND, () => new MathBackendCPU(), 0);
}
