import { existsSync } from 'node:fs';
import {
  createNativeAdapter,
  locateNativePackage,
  type NativePackageLocation,
} from '@prefopt/backend-node';
import type { BackendAdapter } from '@prefopt/core';

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
  const platform = options.platform ?? `${process.platform}-${process.arch}`;
  const hasNvidiaDriver =
    options.hasNvidiaDriver ?? (() => existsSync('/proc/driver/nvidia/version'));

  return createNativeAdapter({
    name: 'node-gpu',
    priority: 50,
    packageName: PACKAGE,
    description: 'libtensorflow with CUDA (NVIDIA GPU)',
    // Resolved from this package (its peer dependency), not from @prefopt/backend-node.
    locate: options.locate ?? (() => locateNativePackage(PACKAGE, import.meta.url)),
    load: options.load ?? (() => import(/* @vite-ignore */ PACKAGE)),
    checkFirst: () =>
      platform !== 'linux-x64'
        ? `backend 'node-gpu' runs on Linux x64 only (this is ${platform}); ${PACKAGE} needs ${NEEDS}. Use --backend webgpu or wasm.`
        : undefined,
    notInstalled:
      `backend 'node-gpu' needs ${PACKAGE}, which is not installed. It needs ${NEEDS}. ` +
      `Install it: ${INSTALL} (its install script downloads libtensorflow with GPU support; ` +
      `install scripts must be allowed). Or use --backend wasm.`,
    checkLast: () =>
      hasNvidiaDriver()
        ? undefined
        : `backend 'node-gpu': no NVIDIA driver is loaded (/proc/driver/nvidia/version is missing); it needs ${NEEDS}. Use --backend node or wasm.`,
    importFailedHint: `It needs ${NEEDS} (libcudart.so.11.0 and libcudnn.so.8 on LD_LIBRARY_PATH).`,
    notStartedHint: `It needs ${NEEDS}.`,
  });
}
