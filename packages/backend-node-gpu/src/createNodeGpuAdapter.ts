import { existsSync } from 'node:fs';
import type { BackendAdapter, BackendDeviceInfo } from '@prefopt/core';
import { PrefoptError } from '@prefopt/core';
import { locateNativePackage, type NativePackageLocation } from './locateNativePackage';

const PACKAGE = '@tensorflow/tfjs-node-gpu';
const INSTALL = `npm install ${PACKAGE}@4.22.0`;
const NEEDS = 'Linux x64, an NVIDIA GPU with its driver, CUDA 11.2 and cuDNN 8.1';

export interface NodeGpuAdapterOptions {
  /** Finds the installed package; tests pass a fake one. */
  locate?: () => NativePackageLocation | undefined;
  /** Imports the package (registers tfjs's 'tensorflow' backend); tests pass a fake one. */
  load?: () => Promise<unknown>;
  /** `${process.platform}-${process.arch}`; tests pass another. */
  platform?: string;
  /** True when an NVIDIA kernel driver is loaded (/proc/driver/nvidia/version exists). */
  hasNvidiaDriver?: () => boolean;
}

/**
 * TensorFlow with CUDA (`@tensorflow/tfjs-node-gpu`), an optional peer dependency that
 * needs Linux x64, an NVIDIA GPU, CUDA 11.2 and cuDNN 8.1. Absent or unusable,
 * `isAvailable()` is false and `activate()` says what is missing and what to install.
 */
export function createNodeGpuAdapter(options: NodeGpuAdapterOptions = {}): BackendAdapter {
  const locate = options.locate ?? (() => locateNativePackage(PACKAGE));
  const load = options.load ?? (() => import(/* @vite-ignore */ PACKAGE));
  const platform = options.platform ?? `${process.platform}-${process.arch}`;
  const hasNvidiaDriver =
    options.hasNvidiaDriver ?? (() => existsSync('/proc/driver/nvidia/version'));

  function problem(): string | undefined {
    if (platform !== 'linux-x64') {
      return `backend 'node-gpu' runs on Linux x64 only (this is ${platform}); ${PACKAGE} needs ${NEEDS}. Use --backend webgpu or wasm.`;
    }
    const found = locate();
    if (!found) {
      return (
        `backend 'node-gpu' needs ${PACKAGE}, which is not installed. It needs ${NEEDS}. ` +
        `Install it: ${INSTALL} (its install script downloads libtensorflow with GPU support; ` +
        `install scripts must be allowed). Or use --backend wasm.`
      );
    }
    if (!found.bindingBuilt) {
      return (
        `backend 'node-gpu': ${PACKAGE} is installed (${found.dir}) but its native addon ` +
        `lib/napi-v8/tfjs_binding.node is missing, so its install script did not run (npm 11 ` +
        `holds install scripts until approved). Run: npm install-scripts approve ${PACKAGE} && ` +
        `npm rebuild ${PACKAGE}.`
      );
    }
    if (!hasNvidiaDriver()) {
      return `backend 'node-gpu': no NVIDIA driver is loaded (/proc/driver/nvidia/version is missing); it needs ${NEEDS}. Use --backend node or wasm.`;
    }
    return undefined;
  }

  const adapter: BackendAdapter = {
    name: 'node-gpu',
    priority: 50,

    async isAvailable(): Promise<boolean> {
      try {
        return problem() === undefined;
      } catch {
        return false;
      }
    },

    async activate(activateOptions = {}): Promise<void> {
      const why = problem();
      if (why) throw new PrefoptError('backend', why);
      if (activateOptions.threads)
        process.env.TF_NUM_INTRAOP_THREADS = String(activateOptions.threads);
      const tf = await import('@tensorflow/tfjs'); // gradients first
      try {
        await load();
      } catch (e) {
        throw new PrefoptError(
          'backend',
          `backend 'node-gpu': importing ${PACKAGE} failed: ${(e as Error).message}. It needs ${NEEDS} ` +
            `(libcudart.so.11.0 and libcudnn.so.8 on LD_LIBRARY_PATH).`,
          { cause: e },
        );
      }
      const started = await tf.setBackend('tensorflow').catch(() => false);
      if (!started) {
        throw new PrefoptError(
          'backend',
          `backend 'node-gpu': ${PACKAGE} loaded but its 'tensorflow' backend did not start. It needs ${NEEDS}.`,
        );
      }
      await tf.ready();
    },

    async deviceInfo(): Promise<BackendDeviceInfo | undefined> {
      return (await adapter.isAvailable())
        ? { description: 'libtensorflow with CUDA (NVIDIA GPU)', software: false }
        : undefined;
    },
  };
  return Object.freeze(adapter);
}
