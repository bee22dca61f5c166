import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NativeAddon } from './NativeAddon';

/** The addon, or why it is not there. */
export type NativeAddonLoad = { addon: NativeAddon } | { addon?: undefined; reason: string };

/** The package folder: the nearest one above this module holding native/binding.gyp (src/ or dist/). */
function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 3 && !existsSync(join(dir, 'native/binding.gyp')); i++) dir = dirname(dir);
  return dir;
}

/** Where `npm run build:native -w @prefopt/backend-native` leaves the addon. */
export const NATIVE_ADDON_PATH = join(packageRoot(), 'native/build/Release/prefopt_native.node');

const BUILD_HINT =
  'Build it with `apt-get install -y libopenblas-dev` (Debian/Ubuntu) and ' +
  '`npm run build:native -w @prefopt/backend-native`; until then use --backend wasm or cpu.';

let cached: NativeAddonLoad | undefined;

/** Loads the N-API addon once; never throws. */
export function loadNativeAddon(): NativeAddonLoad {
  if (cached) return cached;
  if (!existsSync(NATIVE_ADDON_PATH)) {
    cached = {
      reason: `the native addon is not built (${NATIVE_ADDON_PATH} is missing). ${BUILD_HINT}`,
    };
    return cached;
  }
  try {
    const addon = createRequire(import.meta.url)(NATIVE_ADDON_PATH) as NativeAddon;
    cached = { addon };
  } catch (e) {
    cached = {
      reason: `the native addon failed to load: ${(e as Error).message.split('\n')[0]}. ${BUILD_HINT}`,
    };
  }
  return cached;
}
