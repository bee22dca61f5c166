// Where the tfjs-node setup keeps what it fetched and built, keyed by every version that
// matters, and where the installed package lives.
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

/** The TensorFlow C library's source: pip's tensorflow-cpu wheel, pinned by version and hash. */
export const TF_WHEEL = {
  name: 'tensorflow-cpu',
  version: '2.21.0',
  /** The cp311 manylinux_2_27 x86_64 wheel (the same file on the public index and on mirrors). */
  sha256: '2b847d217b02ee7731ed91431daf3250daa0196c3c94614d23be27232e6e5b6c',
};

/** `$PREFOPT_CACHE_DIR`, else `$XDG_CACHE_HOME/prefopt`, else `~/.cache/prefopt`. */
export function cacheRoot(env = process.env) {
  if (env.PREFOPT_CACHE_DIR) return env.PREFOPT_CACHE_DIR;
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'prefopt');
}

/**
 * The cache folder for one tfjs-node version built against one TF C library on this
 * platform and N-API version: `deps/` (include + lib, the layout binding.gyp expects) and
 * `napi-vN/tfjs_binding.node`.
 */
export function cacheDir(tfjsNodeVersion, env = process.env) {
  const key =
    `tfjs-node-${tfjsNodeVersion}+tf-${TF_WHEEL.version}-` +
    `${process.platform}-${process.arch}-napi${napiVersion()}`;
  return join(cacheRoot(env), 'tfjs-node', key);
}

/** The N-API version tfjs-node's loader (node-pre-gyp's `find`) looks for: its highest ≤ ours. */
export function napiVersion(supported = [3, 4, 5, 6, 7, 8]) {
  const ours = Number(process.versions.napi);
  return Math.max(...supported.filter((v) => v <= ours));
}

/** The installed `@tensorflow/tfjs-node` (as @prefopt/backend-node resolves it), or undefined. */
export function locateTfjsNode(repoRoot) {
  const from = join(repoRoot, 'packages', 'backend-node', 'package.json');
  try {
    const manifest = createRequire(from).resolve('@tensorflow/tfjs-node/package.json');
    const pkg = createRequire(from)(manifest);
    return { dir: dirname(manifest), version: pkg.version, napiVersions: pkg.binary.napi_versions };
  } catch {
    return undefined;
  }
}
