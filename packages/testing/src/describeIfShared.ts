import { describe } from 'vitest';
import { sharedPath } from './sharedPath';

/**
 * `describe` that runs only when every `../shared/…` path exists, and otherwise prints
 * why it is skipped (never fails). The suite receives the resolved paths.
 */
export function describeIfShared(
  title: string,
  relPaths: readonly string[],
  suite: (paths: string[]) => void,
): void {
  const paths = relPaths.map((p) => sharedPath(...p.split('/')));
  const missing = relPaths.filter((_, i) => !paths[i]);
  if (missing.length) {
    console.log(
      `[skip] ${title}: ../shared/${missing.join(', ../shared/')} not found (a fresh clone has no ../shared).`,
    );
    describe.skip(title, () => suite([]));
    return;
  }
  describe(title, () => suite(paths as string[]));
}
