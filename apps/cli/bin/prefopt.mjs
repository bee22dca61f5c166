#!/usr/bin/env node
// The `prefopt` command. Runs the TypeScript sources through tsx, so `npx prefopt` works
// right after `npm ci` with no build step; a published build would import ../dist instead.
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const source = resolve(here, '../src/cli.ts');
if (existsSync(source)) {
  const { register } = await import('tsx/esm/api');
  register({ tsconfig: resolve(here, '../../../tsconfig.base.json') });
  await import(source);
} else {
  await import('../dist/cli.js');
}
