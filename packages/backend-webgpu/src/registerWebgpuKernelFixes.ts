import {
  getKernel,
  registerKernel,
  unregisterKernel,
  type KernelConfig,
} from '@tensorflow/tfjs-core';
import { addNChunked } from './kernels/addNChunked';
import { reverseAnyRank } from './kernels/reverseAnyRank';

const FIXED = Symbol.for('prefopt.webgpuKernelFixes');

/**
 * Replaces webgpu kernels of tfjs 4.22 that fail on what prefopt runs, wrapping the
 * originals: `Reverse` above rank 4 (the model's rotary embedding) and `AddN` of more
 * inputs than a shader may bind (the trainer's global gradient norm). Called by
 * `webgpuAdapter.activate` after the backend is imported, never at import; each kernel is
 * wrapped once per process.
 */
export function registerWebgpuKernelFixes(): void {
  const reshape = getKernel('Reshape', 'webgpu');
  if (reshape) replace('Reverse', (reverse) => reverseAnyRank(reverse, reshape));
  replace('AddN', addNChunked);
}

function replace(name: string, wrap: (original: KernelConfig) => KernelConfig): void {
  const original = getKernel(name, 'webgpu');
  if (!original || (original as { [FIXED]?: boolean })[FIXED]) return;
  const fixed = Object.assign(wrap(original), { [FIXED]: true });
  unregisterKernel(name, 'webgpu');
  registerKernel(fixed);
}
