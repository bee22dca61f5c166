#!/usr/bin/env node
// Builds the N-API addon (native/) with node-gyp against this Node's own headers and
// Debian's OpenBLAS. Run through npm (`npm run build:native -w @prefopt/backend-native`),
// which puts its bundled node-gyp on PATH. The addon is optional: on failure this prints
// why and exits 1; the backend adapter then reports itself unavailable.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const nativeDir = resolve(dirname(fileURLToPath(import.meta.url)), '../native');
const args = ['rebuild', `--directory=${nativeDir}`];
// Node from a distribution package (or nodesource) ships its headers under <prefix>/include/node:
// use them instead of downloading a header tarball.
const prefix = resolve(dirname(process.execPath), '..');
if (existsSync(join(prefix, 'include/node/node_api.h'))) args.push(`--nodedir=${prefix}`);
const cblas = [
  '/usr/include/cblas.h',
  '/usr/include/x86_64-linux-gnu/cblas.h',
  '/usr/include/aarch64-linux-gnu/cblas.h',
];
if (!cblas.some((p) => existsSync(p))) {
  console.error(
    'backend-native: cblas.h not found; install OpenBLAS headers: apt-get install -y libopenblas-dev',
  );
  process.exit(1);
}
const run = spawnSync('node-gyp', args, { stdio: 'inherit', shell: process.platform === 'win32' });
if (run.error || run.status !== 0) {
  console.error(
    `backend-native: node-gyp ${args.join(' ')} failed (${run.error?.message ?? `exit ${run.status}`}); ` +
      'the native backend stays unavailable and --backend auto uses wasm.',
  );
  process.exit(1);
}
