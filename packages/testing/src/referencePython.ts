import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe } from 'vitest';
import { repoRoot } from './sharedPath';

/** Python modules the reference stack (tools/reference/setup-venv.sh) provides. */
export type ReferenceModule =
  'torch' | 'transformers' | 'trl' | 'peft' | 'tokenizers' | 'safetensors' | 'tensorboard';

const probed = new Map<string, string | undefined>();

/**
 * The Python interpreter of the reference stack: `$PREFOPT_PYTHON`, else
 * `tools/reference/.venv/bin/python` (made by `tools/reference/setup-venv.sh`), provided it
 * imports every module asked for; undefined otherwise.
 */
export function referencePython(
  modules: readonly ReferenceModule[] = ['torch'],
): string | undefined {
  const candidates = [
    process.env.PREFOPT_PYTHON,
    join(repoRoot(), 'tools', 'reference', '.venv', 'bin', 'python'),
  ];
  for (const py of candidates) {
    if (!py || !existsSync(py)) continue;
    const key = `${py}\0${modules.join(',')}`;
    if (!probed.has(key)) {
      const r = spawnSync(py, ['-c', `import ${modules.join(', ')}`], {
        stdio: 'ignore',
        timeout: 120_000,
      });
      probed.set(key, r.status === 0 ? py : undefined);
    }
    const ok = probed.get(key);
    if (ok) return ok;
  }
  return undefined;
}

/**
 * `describe` that runs only where the reference Python stack imports `modules`, and
 * otherwise prints why it is skipped (never fails, never runs the suite's body).
 */
export function describeIfPython(
  title: string,
  modules: readonly ReferenceModule[],
  suite: (python: string) => void,
): void {
  const python = referencePython(modules);
  if (!python) {
    console.log(
      `[skip] ${title}: no Python with ${modules.join(', ')} (run tools/reference/setup-venv.sh, or set PREFOPT_PYTHON).`,
    );
    describe.skip(title, () => {});
    return;
  }
  describe(title, () => suite(python));
}
