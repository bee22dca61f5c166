#!/usr/bin/env node
// npm ci step (run by postinstall.mjs): builds @prefopt/backend-native's OpenBLAS addon with
// the package's own script (scripts/buildNative.mjs), quietly, and prints one line: built,
// already built, or why not and which engine that leaves. Never fails the install.
//   PREFOPT_NATIVE_REBUILD=1  build even when the addon is newer than its sources
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadError } from './tfjs-node/probe.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const pkg = join(repoRoot, 'packages', 'backend-native');
const addon = join(pkg, 'native', 'build', 'Release', 'prefopt_native.node');
const sources = [
  join(pkg, 'native', 'binding.gyp'),
  ...readdirSync(join(pkg, 'native', 'src')).map((f) => join(pkg, 'native', 'src', f)),
];
const mtime = (p) => statSync(p).mtimeMs;

/** The addon is there, newer than every source file, and loads. */
function upToDate() {
  if (!existsSync(addon)) return false;
  const built = mtime(addon);
  return sources.every((s) => mtime(s) <= built) && !loadError(addon);
}

if (process.env.PREFOPT_NATIVE_REBUILD !== '1' && upToDate()) {
  console.log('prefopt setup: native addon (OpenBLAS) already built.');
  process.exit(0);
}
// npm puts its bundled node-gyp on PATH for scripts; run directly, add it the same way.
const npmGypBin = resolve(dirname(process.execPath), '../lib/node_modules/npm/bin/node-gyp-bin');
const path = [process.env.PATH, existsSync(npmGypBin) ? npmGypBin : undefined]
  .filter(Boolean)
  .join(':');
const started = Date.now();
const r = spawnSync(process.execPath, [join(pkg, 'scripts', 'buildNative.mjs')], {
  cwd: pkg,
  encoding: 'utf8',
  env: { ...process.env, PATH: path },
});
if (r.status === 0 && existsSync(addon) && !loadError(addon)) {
  console.log(
    `prefopt setup: native addon (OpenBLAS) built in ${Math.round((Date.now() - started) / 1000)} s.`,
  );
} else {
  // buildNative.mjs ends with its own one-line reason on stderr.
  const why =
    `${r.stderr}`
      .trim()
      .split('\n')
      .filter((l) => l.startsWith('backend-native:'))
      .pop() ??
    (r.error?.message || `exit ${r.status}`);
  console.log(`prefopt setup: native addon not built: ${why.replace(/^backend-native:\s*/, '')}`);
}
