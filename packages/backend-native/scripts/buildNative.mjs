#!/usr/bin/env node
// Builds the N-API addon (native/) with node-gyp against this Node's own headers and the
// OpenBLAS it finds (findOpenBlas.mjs), into native/build/Release/prefopt_native.node.
// `npm run build:native -w @prefopt/backend-native` or `node scripts/buildNative.mjs`.
// The addon is optional: when it cannot be built this prints ONE line naming what is
// missing and how to get it, and exits 1; the backend adapter then reports itself
// unavailable. node-gyp's own output goes to native/build-native.log (--verbose streams it).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findOpenBlas } from './findOpenBlas.mjs';
import { findCompiler, findMake, findNodeGyp, findPython } from './nativeToolchain.mjs';

const nativeDir = resolve(dirname(fileURLToPath(import.meta.url)), '../native');
const addonPath = join(nativeDir, 'build/Release/prefopt_native.node');
const logPath = join(nativeDir, 'build-native.log');
const verbose = process.argv.includes('--verbose') || process.env.PREFOPT_NATIVE_VERBOSE === '1';
const DEBIAN = 'Debian/Ubuntu: apt-get install';

/** Prints the one failure line and exits 1. */
function fail(what) {
  console.error(
    `backend-native: cannot build the native addon: ${what}. ` +
      'Until then the native backends are unavailable (--backend auto picks another).',
  );
  process.exit(1);
}

const cc = findCompiler();
if (!cc) fail(`no C compiler found (tried $CC, cc, gcc, clang); ${DEBIAN} build-essential`);
if (!findMake()) fail(`make not found; ${DEBIAN} build-essential`);
const python = findPython();
if (!python) fail(`Python 3 not found (node-gyp needs it); ${DEBIAN} python3, or set PYTHON`);
const nodeGyp = findNodeGyp();
if (!nodeGyp)
  fail(
    'node-gyp not found; run it through npm (npm run build:native -w @prefopt/backend-native) or npm install -g node-gyp',
  );
const blas = findOpenBlas();
if (!blas.cflags) {
  fail(
    `OpenBLAS not found (searched ${blas.searched}); ${DEBIAN} libopenblas-dev ` +
      '(Fedora: dnf install openblas-devel; macOS: brew install openblas), or set OPENBLAS_HOME',
  );
}
probe(cc, blas);

const args = ['rebuild', `--directory=${nativeDir}`, `--python=${python}`];
args.push(`--openblas_cflags=${blas.cflags.join(' ')}`, `--openblas_libs=${blas.libs.join(' ')}`);
// Node from a distribution package, nodesource or an official tarball ships its headers under
// <prefix>/include/node: use them instead of downloading a header tarball.
const prefix = resolve(dirname(process.execPath), '..');
if (existsSync(join(prefix, 'include/node/node_api.h'))) args.push(`--nodedir=${prefix}`);
const log = verbose ? 'inherit' : openSync(logPath, 'w');
const [cmd, ...pre] = nodeGyp;
const run = spawnSync(cmd, [...pre, ...args], {
  stdio: ['ignore', log, log],
  env: { ...process.env, CC: cc },
  shell: process.platform === 'win32',
});
if (run.error || run.status !== 0 || !existsSync(addonPath)) {
  const why = run.error?.message ?? (run.status !== 0 ? `exit ${run.status}` : 'no addon written');
  fail(`node-gyp rebuild failed (${why}${verbose ? '' : `: ${lastError()}; full log ${logPath}`})`);
}
console.log(`backend-native: built ${addonPath} (OpenBLAS from ${blas.source})`);

/** The log's first compiler/gyp error line, for the one-line failure. */
function lastError() {
  const lines = readFileSync(logPath, 'utf8').split('\n');
  const hit = lines.find((l) => /error:|fatal|not found/i.test(l)) ?? lines.filter(Boolean).at(-1);
  return (hit ?? 'no output').trim().slice(0, 200);
}

/** Compiles and links tiny programs to tell which of cblas.h, libopenblas, OpenMP is missing. */
function probe(compiler, found) {
  const dir = mkdtempSync(join(tmpdir(), 'prefopt-native-'));
  const compiles = (name, source, flags) => {
    writeFileSync(join(dir, `${name}.c`), source);
    const out = join(dir, name);
    const r = spawnSync(compiler, [join(dir, `${name}.c`), '-o', out, ...flags], {
      stdio: 'ignore',
    });
    return !r.error && r.status === 0;
  };
  try {
    const gemm =
      'cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, 1, 1, 1, 1.0f, &a, 1, &b, 1, 0.0f, &c, 1);';
    const header = '#include <cblas.h>\nint main(void) { return CblasRowMajor == 101 ? 0 : 1; }\n';
    if (!compiles('header', header, found.cflags))
      fail(
        `cblas.h from ${found.source} does not compile with ${compiler}; ${DEBIAN} libopenblas-dev`,
      );
    const link = `#include <cblas.h>\nint main(void) { float a = 1, b = 1, c = 0; ${gemm} return c == 1.0f ? 0 : 1; }\n`;
    if (!compiles('link', link, [...found.cflags, ...found.libs]))
      fail(
        `cannot link OpenBLAS (${found.libs.join(' ')}) from ${found.source}; ${DEBIAN} libopenblas-dev`,
      );
    const omp = '#include <omp.h>\nint main(void) { return omp_get_max_threads() > 0 ? 0 : 1; }\n';
    if (!compiles('omp', omp, ['-fopenmp']))
      fail(
        `${compiler} cannot build OpenMP code (-fopenmp, omp.h, libgomp); ${DEBIAN} build-essential (macOS: brew install gcc, then CC=gcc-14)`,
      );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
