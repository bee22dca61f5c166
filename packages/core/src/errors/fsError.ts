import { PrefoptError } from './PrefoptError';

/** What each user-fixable file-system error means, and what to do about it. */
const FS_ERRORS: Record<string, { reason: string; fix: string }> = {
  ENOSPC: { reason: 'no space left on the device', fix: 'free some space or write elsewhere' },
  EDQUOT: { reason: 'disk quota exceeded', fix: 'free some space or write elsewhere' },
  EROFS: { reason: 'the file system is read-only', fix: 'choose a writable folder' },
  EACCES: { reason: 'permission denied', fix: 'fix its permissions or choose another path' },
  EPERM: { reason: 'operation not permitted', fix: 'fix its permissions or choose another path' },
  EEXIST: { reason: 'it already exists', fix: 'remove it or choose another path' },
  ENOTDIR: {
    reason: 'a part of the path is a file, not a folder',
    fix: 'choose a folder path (or move the file away)',
  },
  EISDIR: { reason: 'it is a folder, expected a file', fix: 'pass a file path' },
  ENOENT: { reason: 'no such file or folder', fix: 'check the path' },
  EMFILE: { reason: 'too many open files', fix: 'raise the limit (ulimit -n) and retry' },
  ENAMETOOLONG: { reason: 'the path is too long', fix: 'choose a shorter path' },
};

/** The errno code of a Node file-system error (`ENOSPC`, …), or undefined for anything else. */
export function fsErrorCode(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code in FS_ERRORS ? code : undefined;
}

/**
 * A Node file-system error (ENOSPC, EROFS, EACCES, EEXIST, ENOTDIR, …) as one `io` line:
 * `<doing> <path>: <reason> (<CODE>); <fix>. <after>`, the path from the error or else
 * `fallbackPath`. Anything else is returned as is.
 * `doing` says what prefopt was doing ("cannot write checkpoint-4 at"), `after` what is
 * still safe ("checkpoint-3 is intact.").
 */
export function fromFsError(
  e: unknown,
  doing = 'cannot use',
  after = '',
  fallbackPath?: string,
): unknown {
  const code = fsErrorCode(e);
  if (!code || PrefoptError.is(e)) return e;
  const { reason, fix } = FS_ERRORS[code];
  // a failed write(2) carries no path (only open/mkdir/rename do): the caller's path then
  const path = (e as { path?: unknown }).path ?? fallbackPath;
  const where = typeof path === 'string' ? ` ${path}` : '';
  return new PrefoptError(
    'io',
    `${doing}${where}: ${reason} (${code}); ${fix}.${after ? ` ${after}` : ''}`,
    { cause: e },
  );
}
