// Finds OpenBLAS for the addon: pkg-config first (`openblas`, `blas-openblas`, also in
// Homebrew's keg-only folders), then OPENBLAS_HOME and the usual include/lib folders.
// Returns the compiler and linker flags, or undefined with the folders it searched.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const PKG_NAMES = ['openblas', 'blas-openblas'];
const LIB_FILES = ['libopenblas.so', 'libopenblas.dylib', 'libopenblas.a'];
/** Library folders the dynamic loader searches by itself: no rpath needed for these. */
const SYSTEM_LIB = /^\/(usr\/)?lib(64)?(\/|$)/;

/** Installation roots searched when pkg-config has no answer. */
function roots() {
  const multiarch = { x64: 'x86_64-linux-gnu', arm64: 'aarch64-linux-gnu' }[process.arch];
  const env = [process.env.OPENBLAS_HOME, process.env.OPENBLAS_ROOT].filter(Boolean);
  return [
    ...env,
    '/usr',
    '/usr/local',
    '/opt/homebrew/opt/openblas',
    '/usr/local/opt/openblas',
    '/opt/OpenBLAS',
  ].flatMap((root) => [
    { inc: join(root, 'include'), lib: join(root, 'lib') },
    { inc: join(root, 'include/openblas'), lib: join(root, 'lib') },
    { inc: join(root, 'include/openblas'), lib: join(root, 'lib64') },
    { inc: join(root, 'include'), lib: join(root, 'lib64') },
    ...(multiarch
      ? [
          { inc: join(root, 'include', multiarch), lib: join(root, 'lib', multiarch) },
          {
            inc: join(root, 'include', multiarch, 'openblas-pthread'),
            lib: join(root, 'lib', multiarch, 'openblas-pthread'),
          },
        ]
      : []),
  ]);
}

function pkgConfig(name) {
  const pkgPaths = [
    '/opt/homebrew/opt/openblas/lib/pkgconfig',
    '/usr/local/opt/openblas/lib/pkgconfig',
  ];
  const env = {
    ...process.env,
    PKG_CONFIG_PATH: [process.env.PKG_CONFIG_PATH, ...pkgPaths].filter(Boolean).join(':'),
  };
  const run = (flag) => spawnSync('pkg-config', [flag, name], { env, encoding: 'utf8' });
  const cflags = run('--cflags');
  const libs = run('--libs');
  if (cflags.error || cflags.status !== 0 || libs.status !== 0) return undefined;
  const split = (s) => s.trim().split(/\s+/).filter(Boolean);
  const libFlags = split(libs.stdout);
  const rpaths = libFlags
    .filter((f) => f.startsWith('-L') && !SYSTEM_LIB.test(f.slice(2)))
    .map((f) => `-Wl,-rpath,${f.slice(2)}`);
  return {
    source: `pkg-config ${name}`,
    cflags: split(cflags.stdout),
    libs: [...libFlags, ...rpaths],
  };
}

/**
 * OpenBLAS's flags ({ source, cflags, libs }) or { searched } naming where it looked.
 * The flags are not yet proven to compile: probeOpenBlas (buildNative.mjs) does that.
 */
export function findOpenBlas() {
  for (const name of PKG_NAMES) {
    const found = pkgConfig(name);
    if (found) return found;
  }
  for (const { inc, lib } of roots()) {
    const libFile = LIB_FILES.find((f) => existsSync(join(lib, f)));
    if (!existsSync(join(inc, 'cblas.h')) || !libFile) continue;
    const rpath = SYSTEM_LIB.test(lib) ? [] : [`-Wl,-rpath,${lib}`];
    return {
      source: `${inc}/cblas.h and ${lib}/${libFile}`,
      cflags: [`-I${inc}`],
      libs: [`-L${lib}`, '-lopenblas', ...rpath],
    };
  }
  return { searched: `pkg-config ${PKG_NAMES.join('/')}, OPENBLAS_HOME, /usr, /usr/local, /opt` };
}
