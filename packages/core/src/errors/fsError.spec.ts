import { describe, expect, it } from 'vitest';
import { fromFsError, fsErrorCode } from './fsError';
import { PrefoptError } from './PrefoptError';

const nodeError = (code: string, path?: string) =>
  Object.assign(new Error(`${code}: whatever node says`), { code, path });

describe('fromFsError', () => {
  it.each([
    ['ENOSPC', 'no space left on the device (ENOSPC); free some space or write elsewhere.'],
    ['EROFS', 'the file system is read-only (EROFS); choose a writable folder.'],
    ['EACCES', 'permission denied (EACCES); fix its permissions or choose another path.'],
    ['EEXIST', 'it already exists (EEXIST); remove it or choose another path.'],
    [
      'ENOTDIR',
      'a part of the path is a file, not a folder (ENOTDIR); choose a folder path (or move the file away).',
    ],
  ])('%s becomes one io line with the path, the reason and what to do', (code, text) => {
    const e = fromFsError(nodeError(code, '/runs/x/file'), 'cannot write', 'Nothing was lost.');
    expect(PrefoptError.is(e, 'io')).toBe(true);
    expect((e as Error).message).toBe(`cannot write /runs/x/file: ${text} Nothing was lost.`);
  });

  it('a failed write(2) has no path: the caller’s fallback path is named', () => {
    const e = fromFsError(nodeError('ENOSPC'), 'cannot write checkpoint-2 at', '', '/runs/x/.tmp');
    expect((e as Error).message).toBe(
      'cannot write checkpoint-2 at /runs/x/.tmp: no space left on the device (ENOSPC); free some space or write elsewhere.',
    );
  });

  it('leaves other errors, and PrefoptErrors, as they are', () => {
    const bug = new TypeError('x is undefined');
    expect(fromFsError(bug)).toBe(bug);
    const unknown = nodeError('EWEIRD', '/x');
    expect(fromFsError(unknown)).toBe(unknown);
    expect(fsErrorCode(unknown)).toBeUndefined();
    const already = new PrefoptError('config', 'bad');
    expect(fromFsError(already)).toBe(already);
  });
});
