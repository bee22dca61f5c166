import type { KernelConfig, KernelFunc } from '@tensorflow/tfjs-core';
import { getKernel, registerKernel, unregisterKernel } from '@tensorflow/tfjs-core';

/** kernelFuncs this package installed, so that replacing twice keeps one wrapper. */
const ours = new WeakSet<KernelFunc>();

/**
 * Replaces `backendName`'s kernel `kernelName` by `wrap(original)`, keeping the original's
 * other fields; once per process (a second call finds its own wrapper and does nothing).
 * Does nothing when the backend has no such kernel.
 */
export function replaceKernel(
  kernelName: string,
  backendName: string,
  wrap: (original: KernelFunc) => KernelFunc,
): void {
  const original = getKernel(kernelName, backendName);
  if (!original || ours.has(original.kernelFunc)) return;
  const kernelFunc = wrap(original.kernelFunc);
  ours.add(kernelFunc);
  unregisterKernel(kernelName, backendName);
  registerKernel({ ...(original as KernelConfig), kernelFunc });
}
