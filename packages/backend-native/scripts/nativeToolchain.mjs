// The tools node-gyp needs besides OpenBLAS: a C compiler with OpenMP, make, Python 3 and
// node-gyp itself. Each finder returns what it found or undefined; buildNative.mjs turns a
// miss into one line naming the tool and how to install it.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** True when `cmd args` runs and exits 0. */
function runs(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: 'ignore' });
  return !r.error && r.status === 0;
}

/** The C compiler make will use: $CC, else cc, gcc or clang (first that runs). */
export function findCompiler() {
  if (process.env.CC) return runs(process.env.CC, ['--version']) ? process.env.CC : undefined;
  return ['cc', 'gcc', 'clang'].find((c) => runs(c, ['--version']));
}

export function findMake() {
  return process.platform === 'win32' || runs('make', ['--version']) ? 'make' : undefined;
}

/** Python 3 for gyp: $PYTHON or npm_config_python, else python3, else python. */
export function findPython() {
  const given = process.env.PYTHON ?? process.env.npm_config_python;
  const candidates = given ? [given] : ['python3', 'python'];
  return candidates.find((p) => runs(p, ['-c', 'import sys; sys.exit(sys.version_info[0] != 3)']));
}

/**
 * node-gyp's command line: the one npm runs scripts with (npm_config_node_gyp), else one on
 * PATH, else the copy bundled with the npm next to this Node.
 */
export function findNodeGyp() {
  const bundled = [
    process.env.npm_config_node_gyp,
    join(
      dirname(process.execPath),
      '../lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js',
    ),
    join(dirname(process.execPath), 'node_modules/npm/node_modules/node-gyp/bin/node-gyp.js'),
  ].find((p) => p && existsSync(p));
  if (bundled) return [process.execPath, bundled];
  return runs('node-gyp', ['--version']) ? ['node-gyp'] : undefined;
}
