import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, sep } from 'node:path';

/**
 * The folder (with a trailing separator) that holds @tensorflow/tfjs-backend-wasm's
 * `.wasm` binaries, for `setWasmPaths`; undefined when the package is not installed.
 */
export function wasmDistFolder(): string | undefined {
  try {
    const entry = createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm');
    const dir = dirname(entry);
    return existsSync(`${dir}${sep}tfjs-backend-wasm-simd.wasm`) ? `${dir}${sep}` : undefined;
  } catch {
    return undefined;
  }
}
