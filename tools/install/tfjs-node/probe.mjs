// Whether a native addon loads, checked in a child process (loading libtensorflow can
// abort the process on a bad library, and takes ~1.5 s that the installer need not keep).
import { spawnSync } from 'node:child_process';

/** Undefined when `require(file)` works in a fresh Node, else the first line of its error. */
export function loadError(file, env = process.env) {
  const r = spawnSync(process.execPath, ['-e', `require(${JSON.stringify(file)})`], {
    encoding: 'utf8',
    env: { ...env, TF_CPP_MIN_LOG_LEVEL: '3' },
    timeout: 120_000,
  });
  if (r.status === 0) return undefined;
  const lines = `${r.stderr}`.split('\n').filter((l) => /Error|error:/.test(l));
  return (lines[0] ?? r.error?.message ?? `exit ${r.status ?? r.signal}`).trim();
}
