import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';

/**
 * The file seam of CheckpointStore: every byte it writes goes through these. Tests swap a
 * member (`vi.spyOn(checkpointFs, 'writeFileSync')`) to simulate a full disk (ENOSPC) or a
 * read-only one without a real device.
 */
export const checkpointFs = { mkdirSync, renameSync, rmSync, writeFileSync };
