import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';

/** Hex sha256 of a file, read in 4 MiB chunks (checkpoint files may be large). */
export function sha256File(file: string): string {
  const hash = createHash('sha256');
  const chunk = Buffer.alloc(4 << 20);
  const fd = openSync(file, 'r');
  try {
    for (let n = readSync(fd, chunk); n > 0; n = readSync(fd, chunk)) {
      hash.update(chunk.subarray(0, n));
    }
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}
