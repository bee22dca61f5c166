import type { BackendAdapter, BackendDeviceInfo } from '@prefopt/core';
import { PrefoptError } from '@prefopt/core';
import { gpuAdapterInfo } from './gpuAdapterInfo';
import { registerWebgpuKernelFixes } from './registerWebgpuKernelFixes';

/**
 * tfjs-backend-webgpu in Node through Dawn (the `webgpu` package): Vulkan on Linux, Metal
 * on macOS, D3D12 on Windows. Results must be read with `await data()` (dataSync needs a
 * browser). `threads` does not apply. `--backend auto` takes it only on a hardware adapter;
 * a software one (lavapipe) works but is slower than wasm.
 */
export const webgpuAdapter: BackendAdapter = Object.freeze({
  name: 'webgpu',
  priority: 40,

  async isAvailable(): Promise<boolean> {
    return (await gpuAdapterInfo({ quiet: true })) !== undefined;
  },

  async activate(): Promise<void> {
    if (!(await gpuAdapterInfo())) {
      throw new PrefoptError(
        'backend',
        `backend 'webgpu': no WebGPU adapter. It needs the 'webgpu' package (npm install webgpu@0.6.2) ` +
          `and a Vulkan driver on Linux (a GPU driver, or Mesa >= 24's lavapipe: apt-get install ` +
          `-t bookworm-backports mesa-vulkan-drivers libvulkan1; see docs/backends.md). Or use --backend wasm.`,
      );
    }
    // Gradients first; the webgpu backend registers itself only if navigator.gpu exists at
    // import, which gpuAdapterInfo() has arranged.
    const tf = await import('@tensorflow/tfjs');
    await import('@tensorflow/tfjs-backend-webgpu');
    registerWebgpuKernelFixes();
    let cause: unknown;
    const started = await tf.setBackend('webgpu').catch((e: unknown) => {
      cause = e;
      return false;
    });
    if (!started) {
      throw new PrefoptError(
        'backend',
        `backend 'webgpu' failed to start${cause ? `: ${(cause as Error).message}` : ''}. Use --backend wasm.`,
        { cause },
      );
    }
    await tf.ready();
  },

  deviceInfo(): Promise<BackendDeviceInfo | undefined> {
    return gpuAdapterInfo({ quiet: true });
  },
});
