import type { BackendAdapter, BackendDeviceInfo } from '@prefopt/core';
import { PrefoptError } from '@prefopt/core';
import { registerWasmExtraKernels } from './registerWasmExtraKernels';
import { wasmDistFolder } from './wasmDistFolder';

let pathsSet = false;

/** Imports tfjs (gradients) and the wasm backend, points it at its binaries, adds missing kernels. */
async function loadWasm() {
  const tf = await import('@tensorflow/tfjs'); // gradients + cpu kernels, before any backend
  const wasm = await import('@tensorflow/tfjs-backend-wasm');
  const dist = wasmDistFolder();
  if (!dist) {
    throw new PrefoptError(
      'backend',
      `backend 'wasm': the .wasm binaries of @tensorflow/tfjs-backend-wasm were not found. ` +
        `Reinstall it: npm install @tensorflow/tfjs-backend-wasm@4.22.0.`,
    );
  }
  if (!pathsSet) {
    wasm.setWasmPaths(dist);
    pathsSet = true;
  }
  registerWasmExtraKernels();
  return tf;
}

/**
 * TensorFlow.js's WebAssembly backend (XNNPACK, SIMD): the default where no native
 * backend is installed. In Node it runs single-threaded (the threaded build needs
 * browser workers), so `threads` is ignored.
 */
export const wasmAdapter: BackendAdapter = Object.freeze({
  name: 'wasm',
  priority: 20,

  async isAvailable(): Promise<boolean> {
    return (
      typeof (globalThis as { WebAssembly?: unknown }).WebAssembly === 'object' &&
      wasmDistFolder() !== undefined
    );
  },

  async activate(): Promise<void> {
    const tf = await loadWasm();
    let ok = false;
    let cause: unknown;
    try {
      ok = await tf.setBackend('wasm');
    } catch (e) {
      cause = e;
    }
    if (!ok) {
      throw new PrefoptError(
        'backend',
        `backend 'wasm' failed to start${cause ? `: ${(cause as Error).message}` : ''}. ` +
          `Use --backend cpu, or reinstall @tensorflow/tfjs-backend-wasm@4.22.0.`,
        { cause },
      );
    }
    await tf.ready();
  },

  async deviceInfo(): Promise<BackendDeviceInfo | undefined> {
    if (!(await wasmAdapter.isAvailable())) return undefined;
    try {
      const tf = await loadWasm();
      const simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
      return {
        description: `WebAssembly${simd ? ' SIMD' : ' (no SIMD)'}, 1 thread`,
        software: false,
      };
    } catch {
      return undefined;
    }
  },
});
