import { describe, it } from 'vitest';
import { sharedPath } from './sharedPath';

/**
 * `describe` that runs only when every `../shared/…` path exists, and otherwise prints
 * why it is skipped (never fails, never runs the suite's body: it would read the absent
 * files at collection). The suite receives the resolved paths. Material small enough for
 * the repository belongs in `fixtures/` instead (`fixturePath`), so that a fresh clone
 * runs the spec too.
 */
export function describeIfShared(
  title: string,
  relPaths: readonly string[],
  suite: (paths: string[]) => void,
): void {
  const paths = relPaths.map((p) => sharedPath(...p.split('/')));
  const missing = relPaths.filter((_, i) => !paths[i]);
  if (missing.length) {
    const reason = `needs ../shared/${missing.join(', ../shared/')} (absent: a fresh clone has no ../shared)`;
    console.log(`[skip] ${title}: ${reason}.`);
    describe(title, () => {
      it.skip(reason, () => {});
    });
    return;
  }
  describe(title, () => suite(paths as string[]));
}
