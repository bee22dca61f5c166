import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CheckpointStore } from '@prefopt/trainer';
import { train, trainFixture } from '../train/trainFixture';
import { expectOneLine, losses, metricRows } from './faultSupport';

/**
 * A real full disk: a 64 KiB tmpfs holds one tiny checkpoint (~44 KiB in pages) but not two. Only
 * where this user may mount one (root, or a container that allows it); elsewhere the spec
 * skips with the reason, and checkpointFaults.spec.ts covers ENOSPC through the store's
 * file seam.
 */
function mountTmpfs(): { dir: string } | { reason: string } {
  if (process.platform !== 'linux') return { reason: 'not Linux' };
  if (process.getuid?.() !== 0) return { reason: 'not root, so no tmpfs can be mounted' };
  const dir = mkdtempSync(join(tmpdir(), 'prefopt-tmpfs-'));
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir], {
    encoding: 'utf8',
  });
  if (r.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    return { reason: `mount -t tmpfs failed: ${(r.stderr || String(r.error)).trim()}` };
  }
  return { dir };
}

const disk = mountTmpfs();
if ('reason' in disk) console.log(`diskFull.spec.ts skipped: ${disk.reason}.`);

afterAll(() => {
  if ('dir' in disk) {
    spawnSync('umount', [disk.dir]);
    rmSync(disk.dir, { recursive: true, force: true });
  }
});

describe.runIf('dir' in disk)('fault suite: a real full disk (tmpfs)', () => {
  it('disk full at checkpoint-2 is exit 2, one line; checkpoint-1 and the metrics survive; resume elsewhere matches', async () => {
    const mount = (disk as { dir: string }).dir;
    const f = trainFixture();
    const flags = ['--objective', 'simpo', '--save-every', '1', '--max-steps', '3'];
    expect((await train(f, [...flags, '--out', 'ref'])).code).toBe(0);
    const out = join(mount, 'run');
    const r = await train(f, [...flags, '--out', out]);
    expectOneLine(
      r,
      2,
      new RegExp(
        `^prefopt: cannot write checkpoint-2 at \\S+: no space left on the device \\(ENOSPC\\); free some space or write elsewhere\\. Nothing was lost: ${join(out, 'checkpoint-1')} is the newest checkpoint, left as it was\\.$`,
      ),
    );
    expect(readdirSync(out).sort()).toEqual(['checkpoint-1', 'metrics.jsonl']); // no temp folder
    expect(CheckpointStore.read(out).state.step).toBe(1);
    expect(metricRows(join(out, 'metrics.jsonl')).map((m) => m.step)).toEqual([1, 2]);
    const resumed = await train(f, ['--resume', out, '--out', 'elsewhere']);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect([
      ...losses(join(out, 'metrics.jsonl')).slice(0, 1),
      ...losses(join(f.dir, 'elsewhere', 'metrics.jsonl')),
    ]).toEqual(losses(join(f.dir, 'ref', 'metrics.jsonl')));
  });
});
