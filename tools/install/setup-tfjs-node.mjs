#!/usr/bin/env node
// npm ci step (run by postinstall.mjs): makes @tensorflow/tfjs-node's native binding
// usable, since its own install script is denied in package.json's allowScripts (it
// downloads libtensorflow 2.9.1 from Google's storage and, failing offline, would get
// the optional package removed). If the binding already loads, nothing to do. Otherwise:
// the TensorFlow C library from pip's pinned tensorflow-cpu wheel, the binding built with
// node-gyp against this Node's headers, both cached under ~/.cache/prefopt (keyed by
// versions), then linked (deps/) and copied (lib/napi-vN/) into the installed package.
// Never fails: prints one line saying what it did, or why not and which engine auto uses.
//   PREFOPT_TFJS_NODE_REBUILD=1  ignore the cache and the installed binding; fetch and build again
//   PREFOPT_TF_WHEEL_INDEX=URL|DIR  take the wheel only from there (pip's config ignored)
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fallbackEngine } from './fallbackEngine.mjs';
import { buildBinding } from './tfjs-node/buildBinding.mjs';
import { fetchTfLibrary } from './tfjs-node/fetchTfLibrary.mjs';
import { TF_WHEEL, cacheDir, locateTfjsNode, napiVersion } from './tfjs-node/paths.mjs';
import { loadError } from './tfjs-node/probe.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const started = Date.now();
const seconds = () => `${Math.round((Date.now() - started) / 1000)} s`;

/** The one line on failure; exit 0 so that npm ci goes on. */
function giveUp(why) {
  console.log(
    `prefopt setup: tfjs-node not set up: ${why}; --backend auto uses ${fallbackEngine(repoRoot)} instead (docs/backends.md).`,
  );
  process.exit(0);
}

/** Fetches the library and builds the binding into `dir` (via a private folder, then a rename). */
function fillCache(pkg, dir, napi) {
  const partial = `${dir}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  const deps = join(partial, 'deps');
  try {
    // Silent until the wheel is here, so that a failure prints one line only.
    const fetchFailed = fetchTfLibrary(join(partial, 'wheel'), deps);
    if (fetchFailed) return fetchFailed;
    console.log(
      `prefopt setup: tfjs-node: building its binding against the TensorFlow ${TF_WHEEL.version} ` +
        `C library of pip's ${TF_WHEEL.name} wheel (~1-3 min, once; cached in ${dirname(dir)})…`,
    );
    const buildFailed = buildBinding({
      packageDir: pkg.dir,
      deps,
      work: join(partial, 'build'),
      out: join(partial, `napi-v${napi}`),
      napi,
    });
    if (buildFailed) return buildFailed;
    rmSync(join(partial, 'wheel'), { recursive: true, force: true });
    rmSync(join(partial, 'build'), { recursive: true, force: true });
    rmSync(dir, { recursive: true, force: true });
    renameSync(partial, dir);
    return undefined;
  } finally {
    rmSync(partial, { recursive: true, force: true });
  }
}

/** Links the cached library and copies the cached binding into the installed package. */
function installFromCache(pkg, dir, napi) {
  const depsLink = join(pkg.dir, 'deps');
  rmSync(depsLink, { recursive: true, force: true });
  symlinkSync(join(dir, 'deps'), depsLink);
  const target = join(pkg.dir, 'lib', `napi-v${napi}`);
  mkdirSync(target, { recursive: true });
  copyFileSync(join(dir, `napi-v${napi}`, 'tfjs_binding.node'), join(target, 'tfjs_binding.node'));
  return join(target, 'tfjs_binding.node');
}

const pkg = locateTfjsNode(repoRoot);
if (!pkg) giveUp('@tensorflow/tfjs-node is not installed (npm skipped the optional dependency)');
const napi = napiVersion(pkg.napiVersions);
const installed = join(pkg.dir, 'lib', `napi-v${napi}`, 'tfjs_binding.node');
const rebuild = process.env.PREFOPT_TFJS_NODE_REBUILD === '1';
if (!rebuild && existsSync(installed) && !loadError(installed)) {
  console.log(`prefopt setup: tfjs-node ready (its binding was already built and loads).`);
  process.exit(0);
}
if (rebuild) {
  // Start over: a failed rebuild must not leave the old binding looking set up.
  rmSync(installed, { force: true });
  rmSync(join(pkg.dir, 'deps'), { recursive: true, force: true });
}
const dir = cacheDir(pkg.version);
const cached = join(dir, `napi-v${napi}`, 'tfjs_binding.node');
if (rebuild || !existsSync(cached)) {
  try {
    mkdirSync(dirname(dir), { recursive: true });
    const why = fillCache(pkg, dir, napi);
    if (why) giveUp(why);
  } catch (e) {
    giveUp(e.message.split('\n')[0]);
  }
}
try {
  const binding = installFromCache(pkg, dir, napi);
  const why = loadError(binding);
  if (why)
    giveUp(
      `the built binding does not load (${why}); rebuild: PREFOPT_TFJS_NODE_REBUILD=1 node tools/install/setup-tfjs-node.mjs`,
    );
} catch (e) {
  giveUp(e.message.split('\n')[0]);
}
console.log(
  `prefopt setup: tfjs-node ready in ${seconds()}: TensorFlow ${TF_WHEEL.version} C library from pip's ` +
    `${TF_WHEEL.name} wheel (cache ${dir}); --backend auto uses node.`,
);
