import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { PrefoptError } from '@prefopt/core';
import { describe, expect, it } from 'vitest';
import { fixturePath } from './fixturePath';
import { repoRoot } from './sharedPath';

const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? filesUnder(join(dir, d.name)) : [join(dir, d.name)],
  );

describe('fixturePath', () => {
  it('finds a committed fixture (stories260K.bin: 1,056,540 bytes, as in llama2.c)', () => {
    expect(statSync(fixturePath('stories260K/stories260K.bin')).size).toBe(1_056_540);
  });

  it('a missing fixture is an io error naming it', () => {
    expect(() => fixturePath('nothing/here.bin')).toThrow(/fixture nothing\/here\.bin not found/);
    try {
      fixturePath('nothing/here.bin');
    } catch (e) {
      expect(PrefoptError.is(e, 'io')).toBe(true);
    }
  });

  it('fixtures/README.md names every fixture file (its source and licence are recorded there)', () => {
    const root = join(repoRoot(), 'fixtures');
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const files = filesUnder(root)
      .map((f) => relative(root, f).split('\\').join('/'))
      .filter((f) => f !== 'README.md');
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) expect(readme, f).toContain(`\`${f}\``);
  });

  it('every fixture file stays under 3 MiB', () => {
    for (const f of filesUnder(join(repoRoot(), 'fixtures')))
      expect(statSync(f).size, f).toBeLessThan(3 * 1024 * 1024);
  });
});
