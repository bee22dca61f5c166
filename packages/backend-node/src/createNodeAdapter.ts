import type { BackendAdapter, BackendDeviceInfo } from '@prefopt/core';
import { PrefoptError } from '@prefopt/core';
import { locateNativePackage, type NativePackageLocation } from './locateNativePackage';

const PACKAGE = '@tensorflow/tfjs-node';
const INSTALL = `npm install ${PACKAGE}@4.22.0`;

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
  const locate = options.locate ?? (() => locateNativePackage(PACKAGE));
  const load = options.load ?? (() => import(/* @vite-ignore */ PACKAGE));

  function problem(): string | undefined {
    const found = locate();
    if (!found) {
      return (
        `backend 'node' needs ${PACKAGE}, which is not installed. Install it: ${INSTALL} ` +
        `(its install script downloads the libtensorflow C library for this platform, so install ` +
        `scripts must be allowed). Or use --backend wasm.`
      );
    }
    if (!found.bindingBuilt) {
      return (
        `backend 'node': ${PACKAGE} is installed (${found.dir}) but its native addon ` +
        `lib/napi-v8/tfjs_binding.node is missing, so its install script did not run (npm 11 ` +
        `holds install scripts until approved). Run: npm install-scripts approve ${PACKAGE} && ` +
        `npm rebuild ${PACKAGE}. Or use --backend wasm.`
      );
    }
    return undefined;
  }

  const adapter: BackendAdapter = {
    name: 'node',
    priority: 30,

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
          `backend 'node': importing ${PACKAGE} failed: ${(e as Error).message}. Reinstall it: ${INSTALL}.`,
          { cause: e },
        );
      }
      const started = await tf.setBackend('tensorflow').catch(() => false);
      if (!started) {
        throw new PrefoptError(
          'backend',
          `backend 'node': ${PACKAGE} loaded but its 'tensorflow' backend did not start. Reinstall it: ${INSTALL}.`,
        );
      }
      await tf.ready();
    },

    async deviceInfo(): Promise<BackendDeviceInfo | undefined> {
      return (await adapter.isAvailable())
        ? { description: 'libtensorflow (native, CPU)', software: false }
        : undefined;
    },
  };
  return Object.freeze(adapter);
}
