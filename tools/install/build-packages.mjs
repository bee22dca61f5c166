#!/usr/bin/env node
// Install step (run by postinstall.mjs): builds every workspace package's JavaScript into its
// dist/ (ESM + CJS, each package's own tsup.config.ts, dependencies left external), so that
// a plain `node script.mjs` can import @prefopt/* right after `npm ci`: their `exports` point
// at dist/. Type declarations are left to `npm run build` (nx, cached): the d.ts pass is what
// costs time, and TypeScript inside this repo reads src/ through the `@prefopt/source` condition.
// A package whose dist/ is newer than its src/, package.json and tsup config is not rebuilt.
// Prints one line; never fails the install (exit 0 whatever happens).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';

const root = resolve(import.meta.dirname, '..', '..');
const groups = ['packages', 'apps', 'examples'];
const say = console.log.bind(console);

/** Workspace folders that build with tsup from src/index.ts. */
function buildable() {
  return groups.flatMap((group) => {
    const dir = join(root, group);
    if (!existsSync(dir)) return [];
    return readdirSync(dir, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => join(dir, d.name))
      .filter(
        (p) => existsSync(join(p, 'tsup.config.ts')) && existsSync(join(p, 'src', 'index.ts')),
      );
  });
}

/** Newest modification time of a file or of any file below a folder. */
function newest(path) {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  let t = 0;
  for (const d of readdirSync(path)) t = Math.max(t, newest(join(path, d)));
  return t;
}

function upToDate(dir) {
  const outs = ['index.js', 'index.cjs'].map((f) => join(dir, 'dist', f));
  if (!outs.every(existsSync)) return false;
  const built = Math.min(...outs.map((f) => statSync(f).mtimeMs));
  const inputs = ['src', 'package.json', 'tsup.config.ts'].map((f) => join(dir, f));
  return inputs.every((f) => newest(f) < built);
}

/** esbuild's "Build failed with 1 error:\nfile:line:col: ERROR: what" → the second line. */
function firstError(e) {
  const lines = String(e?.message ?? e)
    .split('\n')
    .filter((l) => l.trim());
  return (lines[0]?.endsWith(':') && lines[1] ? lines[1] : (lines[0] ?? 'unknown error')).trim();
}

async function main() {
  const started = performance.now();
  let tsup;
  try {
    tsup = await import('tsup');
  } catch {
    say(
      'prefopt setup: packages not built (tsup is not installed, e.g. --omit=dev); `npx prefopt` still works, library imports need `npm run build`.',
    );
    return;
  }
  const dirs = buildable();
  const todo = dirs.filter((d) => !upToDate(d));
  const failed = [];
  const cwd = process.cwd();
  // tsup reports a failed format on the console even when silent, sometimes after build()
  // has rejected: the console stays quiet from here on (this process prints one line, `say`).
  console.log = console.error = console.warn = () => {};
  for (const dir of todo) {
    try {
      // tsup reads the package's tsup.config.ts and package.json (its externals) from the cwd;
      // esbuild resolves against the cwd it started in, so entry and outDir are absolute.
      process.chdir(dir);
      await tsup.build({
        entry: { index: join(dir, 'src', 'index.ts') }, // an object: tsup would relativise an array
        outDir: join(dir, 'dist'),
        dts: false,
        silent: true,
        esbuildOptions: (options) => void (options.logLevel = 'silent'),
      });
    } catch (e) {
      failed.push(`${dir.slice(root.length + 1)} (${firstError(e)})`);
    } finally {
      process.chdir(cwd);
    }
  }
  const secs = ((performance.now() - started) / 1000).toFixed(1);
  const built = todo.length - failed.length;
  const fresh = dirs.length - todo.length;
  const what = `${built} built, ${fresh} already up to date`;
  if (failed.length) {
    say(
      `prefopt setup: packages ${what}, ${failed.length} failed: ${failed.join('; ')} (${secs} s); run \`npm run build\` to see why.`,
    );
  } else {
    say(
      `prefopt setup: packages built into dist/ for library use (${what}, ESM + CJS, ${secs} s; \`npm run build\` adds type declarations).`,
    );
  }
}

main().catch((e) => {
  say(`prefopt setup: packages not built (${String(e?.message ?? e).split('\n')[0]}).`);
});
