import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where Linux distributions put shared libraries, besides LD_LIBRARY_PATH. */
const LIB_DIRS = [
  '/usr/lib/x86_64-linux-gnu',
  '/usr/lib/aarch64-linux-gnu',
  '/usr/lib64',
  '/usr/lib',
  '/lib/x86_64-linux-gnu',
  '/lib/aarch64-linux-gnu',
  '/lib64',
  '/lib',
];

/**
 * Whether Linux has a Vulkan loader (`libvulkan.so.1`) that Dawn could open: in the
 * dynamic linker's cache, LD_LIBRARY_PATH or a usual library folder. Without it Dawn can
 * only fail, printing "Couldn't load Vulkan" to stderr, so a probe that was not asked for
 * (auto, `prefopt backends`) skips Dawn. Other platforms: true (Metal, D3D12).
 */
export function vulkanLoaderFound(
  platform: string = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  exists: (path: string) => boolean = existsSync,
  ldCache: () => string = () => readFileSync('/etc/ld.so.cache', 'latin1'),
): boolean {
  if (platform !== 'linux') return true;
  const dirs = [...(env.LD_LIBRARY_PATH ?? '').split(':').filter(Boolean), ...LIB_DIRS];
  if (dirs.some((d) => exists(join(d, 'libvulkan.so.1')))) return true;
  try {
    return ldCache().includes('libvulkan.so.1');
  } catch {
    return false;
  }
}
