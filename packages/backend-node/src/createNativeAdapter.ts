import type { BackendAdapter, BackendDeviceInfo } from '@prefopt/core';
import { PrefoptError } from '@prefopt/core';
import type { NativePackageLocation } from './locateNativePackage';

/** What tells one tfjs native package (`@tensorflow/tfjs-node`, `-node-gpu`) from another. */
export interface NativeAdapterSpec {
  /** The adapter's name ('node', 'node-gpu') and priority. */
  name: string;
  priority: number;
  /** The npm package that registers tfjs's 'tensorflow' backend. */
  packageName: string;
  /** `deviceInfo().description` once the adapter is available. */
  description: string;
  /** Finds the installed package without importing it (see locateNativePackage). */
  locate: () => NativePackageLocation | undefined;
  /** Imports the package; callers import it from their own module so that it resolves there. */
  load: () => Promise<unknown>;
  /** Checked before looking for the package (e.g. the platform): why it cannot run, or undefined. */
  checkFirst?: () => string | undefined;
  /** The message when the package is not installed. */
  notInstalled: string;
  /** Appended to the "native addon is missing" message (e.g. ' Or use --backend wasm.'). */
  notBuiltTail?: string;
  /** Checked once the package is found built (e.g. the driver): why it cannot run, or undefined. */
  checkLast?: () => string | undefined;
  /** Said after "importing <package> failed: <error>." */
  importFailedHint: string;
  /** Said after "<package> loaded but its 'tensorflow' backend did not start." */
  notStartedHint: string;
  /** How to build a missing native addon; default: approve the install script and rebuild. */
  notBuiltFix?: string;
  /** Runs once the package is imported, before its backend starts (kernel registrations). */
  afterLoad?: () => void;
}

/**
 * A BackendAdapter over a tfjs native package, an optional peer dependency: absent or
 * unusable, `isAvailable()` is false and `activate()` throws a 'backend' PrefoptError saying
 * what is missing. `threads` sets TensorFlow's intra-op thread pool (before its first import).
 */
export function createNativeAdapter(spec: NativeAdapterSpec): BackendAdapter {
  const { name, packageName } = spec;

  function problem(): string | undefined {
    const first = spec.checkFirst?.();
    if (first) return first;
    const found = spec.locate();
    if (!found) return spec.notInstalled;
    if (!found.bindingBuilt) {
      return (
        `backend '${name}': ${packageName} is installed (${found.dir}) but its native addon ` +
        `lib/napi-v8/tfjs_binding.node is missing, so its install script did not run. ` +
        `${spec.notBuiltFix ?? `Run: npm install-scripts approve ${packageName} && npm rebuild ${packageName}.`}` +
        `${spec.notBuiltTail ?? ''}`
      );
    }
    return spec.checkLast?.();
  }

  const adapter: BackendAdapter = {
    name,
    priority: spec.priority,

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
        await spec.load();
        spec.afterLoad?.();
      } catch (e) {
        throw new PrefoptError(
          'backend',
          `backend '${name}': importing ${packageName} failed: ${(e as Error).message}. ${spec.importFailedHint}`,
          { cause: e },
        );
      }
      const started = await tf.setBackend('tensorflow').catch(() => false);
      if (!started) {
        throw new PrefoptError(
          'backend',
          `backend '${name}': ${packageName} loaded but its 'tensorflow' backend did not start. ${spec.notStartedHint}`,
        );
      }
      await tf.ready();
    },

    async deviceInfo(): Promise<BackendDeviceInfo | undefined> {
      return (await adapter.isAvailable())
        ? { description: spec.description, software: false }
        : undefined;
    },
  };
  return Object.freeze(adapter);
}
