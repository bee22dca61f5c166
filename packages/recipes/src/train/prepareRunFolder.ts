import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fromFsError, PrefoptError } from '@prefopt/core';
import { checkpointFolders, type CheckpointStore } from '@prefopt/trainer';

/**
 * Readies `--out` for a run (the run lock is held): a fresh run into a folder that holds
 * another run's checkpoints or metrics is refused unless `--overwrite` (which removes them)
 * or `--resume`; temp folders of a killed checkpoint write are cleaned up either way.
 */
export function prepareRunFolder(
  store: CheckpointStore,
  o: { resuming: boolean; overwrite: boolean; log: (line: string) => void },
): void {
  const out = store.outDir;
  const metrics = join(out, 'metrics.jsonl');
  try {
    if (!o.resuming) {
      const ckpts = checkpointFolders(out);
      const rows = existsSync(metrics)
        ? readFileSync(metrics, 'utf8')
            .split('\n')
            .filter((l) => l.trim()).length
        : 0;
      if (ckpts.length || rows) {
        const held = [
          ckpts.length ? `${ckpts.length} checkpoint(s) up to ${ckpts[0].name}` : '',
          rows ? `metrics.jsonl with ${rows} row(s)` : '',
        ].filter(Boolean);
        if (!o.overwrite) {
          throw new PrefoptError(
            'config',
            `--out ${out} holds another run (${held.join(', ')}). Pass --resume ${out} to continue it, --overwrite to replace it, or another --out.`,
          );
        }
        for (const c of ckpts) rmSync(join(out, c.name), { recursive: true, force: true });
        rmSync(metrics, { force: true });
        o.log(`--overwrite: removed the earlier run in ${out} (${held.join(', ')}).`);
      }
    }
    for (const line of store.recover()) o.log(`note: ${line}.`);
  } catch (e) {
    throw fromFsError(e, 'cannot prepare --out', 'Pass a folder you can write to as --out.');
  }
}
