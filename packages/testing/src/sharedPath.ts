import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** The repository root: the nearest folder above `from` that holds `nx.json`. */
export function repoRoot(from: string = process.cwd()): string {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'nx.json'))) return dir;
    if (dirname(dir) === dir) return resolve(from);
  }
}

/**
 * A path inside `../shared` beside the repository (real models and datasets that are
 * never copied into the repo), or undefined where it is absent (a user's fresh clone).
 */
export function sharedPath(...parts: string[]): string | undefined {
  const p = join(repoRoot(), '..', 'shared', ...parts);
  return existsSync(p) ? p : undefined;
}
