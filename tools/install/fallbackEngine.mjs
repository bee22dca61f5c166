// Which engine `--backend auto` gives when tfjs-node is not set up, for the one line the
// install steps print (the native addon's step runs before tfjs-node's).
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** The native OpenBLAS addon when it is built, else wasm. */
export function fallbackEngine(repoRoot) {
  const addon = join(repoRoot, 'packages/backend-native/native/build/Release/prefopt_native.node');
  return existsSync(addon) ? 'native (the OpenBLAS addon)' : 'wasm';
}
