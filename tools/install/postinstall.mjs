#!/usr/bin/env node
// What `npm ci` / `npm install` sets up after the packages are in place (the root's own
// postinstall, which npm 11 runs without an allowScripts entry). Each step is a script of
// its own in this folder that prints one line saying what it did or why not; no step can
// fail the install. PREFOPT_SKIP_SETUP=1 skips them all (e.g. for a quick reinstall).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
/** In order: engines last, since they take longest and nothing else depends on them. */
const steps = [
  ['packages', 'build-packages.mjs'],
  ['native addon', 'build-native.mjs'],
  ['tfjs-node', 'setup-tfjs-node.mjs'],
];

if (process.env.PREFOPT_SKIP_SETUP === '1') {
  console.log('prefopt setup: skipped (PREFOPT_SKIP_SETUP=1).');
  process.exit(0);
}
for (const [name, file] of steps) {
  const script = join(here, file);
  if (!existsSync(script)) continue;
  const r = spawnSync(process.execPath, [script], {
    stdio: 'inherit',
    cwd: join(here, '..', '..'),
  });
  if (r.status !== 0) {
    const why = r.error ? r.error.message : r.signal ? `signal ${r.signal}` : `exit ${r.status}`;
    console.log(`prefopt setup: ${name} step failed (${why}); the install goes on without it.`);
  }
}
