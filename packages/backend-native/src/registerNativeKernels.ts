import * as tf from '@tensorflow/tfjs-core';
import type { KernelConfig } from '@tensorflow/tfjs-core';
import type { NativeAddon } from './addon/NativeAddon';
import { nativeKernelConfigs } from './kernels/nativeKernelConfigs';
import type { TensorMemory } from './kernels/TensorMemory';

const done = new Set<string>();

/**
 * Replaces the hot kernels of tfjs backend `backendName` (BatchMatMul, _FusedMatMul,
 * Softmax, Reverse, Pack, Unpack, Identity) by the addon's (or copy-free JS), and adds the fused token log-prob
 * pair. Each replacement keeps the original as its fallback for inputs it does not take
 * (and keeps the original's setup/dispose hooks, which the fallback needs). Called by an
 * adapter's activate(), never at import; idempotent. Returns the kernel names registered.
 */
export function registerNativeKernels(
  addon: NativeAddon,
  backendName: string,
  memory: (backend: unknown) => TensorMemory,
): string[] {
  if (done.has(backendName)) return [];
  const originals = new Map<string, KernelConfig>(
    tf.getKernelsForBackend(backendName).map((k) => [k.kernelName, k]),
  );
  // PREFOPT_NATIVE_KERNELS=BatchMatMul,Softmax registers only those (measuring one lever at a time).
  const only = process.env.PREFOPT_NATIVE_KERNELS?.split(',')
    .map((k) => k.trim())
    .filter(Boolean);
  const configs = nativeKernelConfigs({
    addon,
    backendName,
    memory,
    fallback: (name) => {
      const original = originals.get(name);
      if (!original)
        throw new Error(`tfjs backend '${backendName}' has no ${name} kernel to fall back to`);
      return original.kernelFunc;
    },
  }).filter((k) => !only?.length || only.includes(k.kernelName));
  for (const config of configs) {
    const original = originals.get(config.kernelName);
    if (original) tf.unregisterKernel(config.kernelName, backendName);
    tf.registerKernel({
      ...config,
      setupFunc: original?.setupFunc,
      disposeFunc: original?.disposeFunc,
    });
  }
  done.add(backendName);
  return configs.map((c) => c.kernelName);
}
