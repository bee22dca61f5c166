import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** Where an installed tfjs native package lives, and whether its addon was built. */
export interface NativePackageLocation {
  dir: string;
  /** `lib/napi-v*\/tfjs_binding.node` exists: the install script ran and fetched libtensorflow. */
  bindingBuilt: boolean;
}

/**
 * Finds `@tensorflow/tfjs-node` (or `-node-gpu`) without importing it (importing loads
 * libtensorflow). Undefined when the package is not installed. Never throws.
 */
export function locateNativePackage(
  packageName: string,
  from: string = import.meta.url,
): NativePackageLocation | undefined {
  try {
    const dir = dirname(createRequire(from).resolve(`${packageName}/package.json`));
    const lib = join(dir, 'lib');
    const bindingBuilt =
      existsSync(lib) &&
      readdirSync(lib).some(
        (d) => d.startsWith('napi-v') && existsSync(join(lib, d, 'tfjs_binding.node')),
      );
    return { dir, bindingBuilt };
  } catch {
    return undefined;
  }
}
