import { getKernel, registerKernel, unregisterKernel } from '@tensorflow/tfjs-core';
import { reverseAnyRank } from './kernels/reverseAnyRank';

const FIXED = Symbol.for('prefopt.webgpuKernelFixes');

/**
 * Replaces webgpu kernels of tfjs 4.22 that fail on what prefopt's model runs (today:
 * `Reverse` above rank 4), wrapping the originals. Called by `webgpuAdapter.activate`
 * after the backend is imported, never at import; once per process.
 */
export function registerWebgpuKernelFixes(): void {
  const reverse = getKernel('Reverse', 'webgpu');
  const reshape = getKernel('Reshape', 'webgpu');
  if (!reverse || !reshape || (reverse as { [FIXED]?: boolean })[FIXED]) return;
  const fixed = Object.assign(reverseAnyRank(reverse, reshape), { [FIXED]: true });
  unregisterKernel('Reverse', 'webgpu');
  registerKernel(fixed);
}
