// Builds tfjs-node's N-API binding (its binding/ sources and binding.gyp, copied out of the
// installed package) with node-gyp against the running Node's headers and the staged
// TensorFlow C library. Nothing inside node_modules is written.
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, symlinkSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** node-gyp's entry script: the one npm runs scripts with, else npm's bundled copy. */
function findNodeGyp(env) {
  const candidates = [
    env.npm_config_node_gyp,
    resolve(
      dirname(process.execPath),
      '../lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js',
    ),
  ];
  return candidates.find((p) => p && existsSync(p));
}

/**
 * Builds into `out/tfjs_binding.node`, working in `work`, with `deps` holding include/ and
 * lib/. Returns undefined on success, else one line saying why.
 */
export function buildBinding({ packageDir, deps, work, out, napi }, env = process.env) {
  const nodeGyp = findNodeGyp(env);
  if (!nodeGyp) return 'node-gyp was not found (it ships with npm)';
  mkdirSync(work, { recursive: true });
  cpSync(join(packageDir, 'binding'), join(work, 'binding'), { recursive: true });
  copyFileSync(join(packageDir, 'binding.gyp'), join(work, 'binding.gyp'));
  symlinkSync(deps, join(work, 'deps'));
  const prefix = resolve(dirname(process.execPath), '..');
  const args = [nodeGyp, 'rebuild', `--directory=${work}`, '--jobs=max'];
  // Node's own headers (a distribution's or nodesource's Node ships them) instead of a download.
  if (existsSync(join(prefix, 'include/node/node_api.h'))) args.push(`--nodedir=${prefix}`);
  args.push('--module_name=tfjs_binding', `--module_path=${out}`, `--napi_build_version=${napi}`);
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', env });
  const built = join(work, 'build', 'Release', 'tfjs_binding.node');
  if (r.status !== 0 || !existsSync(built)) {
    const why = `${r.stderr}`.split('\n').find((l) => /error|not found|No such/i.test(l));
    return `node-gyp could not build the binding (${(why ?? `exit ${r.status}`).trim()}; needs python3, make and g++)`;
  }
  mkdirSync(out, { recursive: true });
  copyFileSync(built, join(out, 'tfjs_binding.node'));
  return undefined;
}
