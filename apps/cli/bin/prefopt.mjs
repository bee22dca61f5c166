#!/usr/bin/env node
// The `prefopt` command. Runs the TypeScript sources through tsx, so `npx prefopt` works
// right after `npm ci` with no build step; a published package (no src/) runs dist/ (tsup).
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const source = resolve(here, '../src/cli.ts');
if (existsSync(source)) {
  const { register } = await import('tsx/esm/api');
  register({ tsconfig: resolve(here, '../../../tsconfig.base.json') });
  // registered after tsx, so it runs first: @prefopt/* resolve to their src (sourceConditions.mjs)
  const { register: registerHooks } = await import('node:module');
  registerHooks('./sourceConditions.mjs', import.meta.url);
  await import(source);
} else {
  const { main } = await import('../dist/index.js');
  process.exitCode = await main(process.argv.slice(2));
}
