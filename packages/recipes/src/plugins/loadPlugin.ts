import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { checkManifest, PrefoptError, type SourcedManifest } from '@prefopt/core';

/**
 * Loads a `--plugin` (a path, or a package name installed near `cwd`) and returns its
 * manifest: the module's default export, or its export named `plugin`. A module written for
 * the old inversify wiring (ContainerModules, bare factories) gets an error saying what to
 * export instead.
 */
export async function loadPlugin(spec: string, cwd: string): Promise<SourcedManifest> {
  const entry = resolveEntry(spec, cwd);
  let mod: Record<string, unknown>;
  try {
    mod = (await import(pathToFileURL(entry).href)) as Record<string, unknown>;
  } catch (e) {
    throw new PrefoptError(
      'plugin',
      `plugin '${spec}': cannot import ${entry}: ${(e as Error).message}`,
      { cause: e },
    );
  }
  const given = mod.default ?? mod.plugin;
  if (given === undefined) throw noManifest(spec, entry, Object.values(mod));
  const manifest = checkManifest(given, `plugin '${spec}'`);
  return { manifest, source: `plugin '${manifest.name}' (${spec})` };
}

/** The error for a module with neither a default export nor `plugin`, saying what it has instead. */
function noManifest(spec: string, entry: string, exported: unknown[]): PrefoptError {
  const old = exported.some(isContainerModule)
    ? 'an inversify ContainerModule, which prefopt no longer reads'
    : exported.some(isObjectiveFactory)
      ? 'objective factories but no manifest listing them'
      : 'no plugin manifest';
  return new PrefoptError(
    'plugin',
    `plugin '${spec}' (${entry}) exports ${old}. Export a manifest as default or as 'plugin': ` +
      `export default { name: 'my-plugin', objectives: [myObjective], backends: [], annotators: [] } (see docs/objectives.md).`,
  );
}

function isContainerModule(v: unknown): boolean {
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof (v as { load?: unknown }).load === 'function' &&
    typeof (v as { id?: unknown }).id === 'number'
  );
}

function isObjectiveFactory(v: unknown): boolean {
  return (
    typeof v === 'function' && typeof (v as { objectiveName?: unknown }).objectiveName === 'string'
  );
}

/** A file path, a package folder, or a package name → the file to import. */
function resolveEntry(spec: string, cwd: string): string {
  const looksLikePath = spec.startsWith('.') || isAbsolute(spec);
  const target = looksLikePath ? resolve(cwd, spec) : findPackageDir(spec, cwd);
  if (!target || !existsSync(target)) {
    throw new PrefoptError(
      'plugin',
      looksLikePath
        ? `plugin '${spec}': no such file or folder (${resolve(cwd, spec)}).`
        : `plugin '${spec}': package not found from ${cwd}. Install it (npm install ${spec}) or pass a path.`,
    );
  }
  if (statSync(target).isFile()) return target;
  return packageEntry(target, spec);
}

function findPackageDir(name: string, cwd: string): string | undefined {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

function packageEntry(dir: string, spec: string): string {
  const pkgFile = join(dir, 'package.json');
  const candidates: string[] = [];
  if (existsSync(pkgFile)) {
    const pkg = JSON.parse(readFileSync(pkgFile, 'utf8')) as {
      exports?: unknown;
      module?: string;
      main?: string;
    };
    const dot =
      typeof pkg.exports === 'object' && pkg.exports !== null
        ? ((pkg.exports as Record<string, unknown>)['.'] ?? pkg.exports)
        : pkg.exports;
    if (typeof dot === 'string') candidates.push(dot);
    else if (dot && typeof dot === 'object') {
      const conditions = dot as Record<string, unknown>;
      for (const c of ['@prefopt/source', 'import', 'default']) {
        if (typeof conditions[c] === 'string') candidates.push(conditions[c] as string);
      }
    }
    if (pkg.module) candidates.push(pkg.module);
    if (pkg.main) candidates.push(pkg.main);
  }
  candidates.push('src/index.ts', 'index.js', 'index.mjs');
  for (const c of candidates) {
    const file = resolve(dir, c);
    if (existsSync(file) && statSync(file).isFile()) return file;
  }
  throw new PrefoptError(
    'plugin',
    `plugin '${spec}': ${dir} has no entry file (tried ${candidates.join(', ')}).`,
  );
}
