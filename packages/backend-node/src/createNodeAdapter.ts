import type { BackendAdapter } from '@prefopt/core';
import { createNativeAdapter } from './createNativeAdapter';
import { syncNodeFusedKernels } from './kernels/fused/registerFusedKernels';
import { registerTensorflowKernelFixes } from './kernels/tensorflowKernelFixes';
import { locateNativePackage, type NativePackageLocation } from './locateNativePackage';

const PACKAGE = '@tensorflow/tfjs-node';
const INSTALL = `npm install ${PACKAGE}@4.22.0`;
/** What prefopt's `npm ci` runs to build the binding (docs/backends.md). */
const SETUP = 'node tools/install/setup-tfjs-node.mjs';

export interface NodeAdapterOptions {
  /** Finds the installed package; tests pass a fake one. */
  locate?: () => NativePackageLocation | undefined;
  /** Imports the package (registers tfjs's 'tensorflow' backend); tests pass a fake one. */
  load?: () => Promise<unknown>;
}

/**
 * The native TensorFlow backend (`@tensorflow/tfjs-node`, libtensorflow on the CPU), an
 * optional peer dependency: absent, `isAvailable()` is false and `activate()` says what to
 * install. `threads` sets TensorFlow's intra-op thread pool (before its first import).
 */
export function createNodeAdapter(options: NodeAdapterOptions = {}): BackendAdapter {
  return createNativeAdapter({
    name: 'node',
    priority: 30,
    packageName: PACKAGE,
    description: 'libtensorflow (native, CPU)',
    locate: options.locate ?? (() => locateNativePackage(PACKAGE)),
    load:
      options.load ??
      (() => {
        // TensorFlow's INFO lines (CPU features) off unless asked for; its oneDNN banner is
        // printed before logging starts and only TF_ENABLE_ONEDNN_OPTS=0 removes it.
        process.env.TF_CPP_MIN_LOG_LEVEL ??= '1';
        return import(/* @vite-ignore */ PACKAGE);
      }),
    notInstalled:
      `backend 'node' needs ${PACKAGE}, which is not installed (an optional dependency npm ` +
      `skipped). Install it: ${INSTALL}, then set it up: ${SETUP}. Or use --backend wasm.`,
    notBuiltFix: `Set it up as npm ci does: ${SETUP} (docs/backends.md).`,
    notBuiltTail: ' Or use --backend wasm.',
    importFailedHint: `Set it up again: PREFOPT_TFJS_NODE_REBUILD=1 ${SETUP}.`,
    notStartedHint: `Set it up again: PREFOPT_TFJS_NODE_REBUILD=1 ${SETUP}.`,
    afterLoad: () => {
      registerTensorflowKernelFixes();
      syncNodeFusedKernels();
    },
  });
}
