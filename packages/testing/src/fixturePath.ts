import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PrefoptError } from '@prefopt/core';
import { repoRoot } from './sharedPath';

/**
 * A file under the repository's `fixtures/` folder (small real data committed with the
 * code, licences in fixtures/README.md), e.g. `fixturePath('stories260K/stories260K.bin')`.
 * Unlike `sharedPath`, a missing fixture is an error: every clone has them.
 */
export function fixturePath(relPath: string): string {
  const p = join(repoRoot(), 'fixtures', ...relPath.split('/'));
  if (!existsSync(p)) {
    throw new PrefoptError(
      'io',
      `fixture ${relPath} not found at ${p}; see fixtures/README.md for what the folder holds.`,
    );
  }
  return p;
}
