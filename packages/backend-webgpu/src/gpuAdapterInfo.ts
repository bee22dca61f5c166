import type { BackendDeviceInfo } from '@prefopt/core';
import { installNavigatorGpu } from './installNavigatorGpu';
import { vulkanLoaderFound } from './vulkanLoaderFound';

/** Drivers that run WebGPU on the CPU (Mesa's lavapipe/llvmpipe, SwiftShader, WARP). */
const SOFTWARE = /llvmpipe|lavapipe|swiftshader|\bwarp\b|software/i;

let probed: Promise<BackendDeviceInfo | undefined> | undefined;

/**
 * What `navigator.gpu.requestAdapter()` gives here (the adapter tfjs-backend-webgpu will
 * use, 'high-performance'), as one line plus a software flag; undefined when there is no
 * adapter. Probed once per process; never throws. `quiet` (a probe nobody asked for:
 * `isAvailable`, `deviceInfo`, so auto and `prefopt backends`) does not start Dawn where it
 * can only fail — Linux without a Vulkan loader — since Dawn then prints a warning.
 */
export function gpuAdapterInfo(
  options: { quiet?: boolean } = {},
): Promise<BackendDeviceInfo | undefined> {
  if (options.quiet && !probed && !vulkanLoaderFound()) return Promise.resolve(undefined);
  probed ??= (async () => {
    try {
      const gpu = await installNavigatorGpu();
      const adapter = await gpu?.requestAdapter({ powerPreference: 'high-performance' });
      if (!adapter) return undefined;
      const info = adapter.info ?? {};
      const fallback = info.isFallbackAdapter === true || adapter.isFallbackAdapter === true;
      const text = [info.vendor, info.architecture, info.device, info.description]
        .filter(Boolean)
        .join(' ');
      const software = fallback || SOFTWARE.test(text);
      const name = info.description || info.device || info.vendor || 'unknown adapter';
      return { description: `${name}${software ? ' (software)' : ''}`, software };
    } catch {
      return undefined;
    }
  })();
  return probed;
}
