import { linkSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { fromFsError, PrefoptError } from '@prefopt/core';

export const LOCK_FILE = '.prefopt.lock';

interface LockInfo {
  pid: number;
  host: string;
  started: string;
}

/** Whether a process with this pid runs on this machine (EPERM: it runs, as another user). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readLock(file: string): LockInfo | undefined {
  try {
    const info = JSON.parse(readFileSync(file, 'utf8')) as LockInfo;
    return Number.isInteger(info.pid) && typeof info.host === 'string' ? info : undefined;
  } catch {
    return undefined; // gone, or torn by a kill mid-write: treat as stale
  }
}

/**
 * Takes `<out>/.prefopt.lock` (pid + host, created with O_EXCL) for one training run and
 * returns its release. A lock held by a live process (same host), or by any process on
 * another host, refuses the run with one line; a lock left by a dead process on this host
 * is taken over (moved aside atomically, so two starters cannot both take it).
 */
export function acquireRunLock(out: string): () => void {
  const file = join(out, LOCK_FILE);
  const mine: LockInfo = { pid: process.pid, host: hostname(), started: new Date().toISOString() };
  try {
    mkdirSync(out, { recursive: true });
  } catch (e) {
    throw fromFsError(e, 'cannot create --out', 'Pass a folder you can write to as --out.');
  }
  const mineFile = `${file}.${process.pid}`;
  try {
    writeFileSync(mineFile, `${JSON.stringify(mine)}\n`);
  } catch (e) {
    throw fromFsError(e, 'cannot write in --out', 'Pass a folder you can write to as --out.');
  }
  try {
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        linkSync(mineFile, file); // atomic: the lock appears complete, or not at all
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') {
          throw fromFsError(e, 'cannot lock --out', 'Pass a folder you can write to as --out.');
        }
        const held = readLock(file);
        if (held && (held.host !== mine.host || alive(held.pid))) {
          throw new PrefoptError(
            'config',
            `--out ${out} is in use by another prefopt train (pid ${held.pid} on ${held.host}, since ${held.started}). ` +
              `Wait for it or pass another --out; if that process is gone, delete ${file}.`,
          );
        }
        takeOverStale(file, held);
        continue;
      }
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.off('exit', release);
        if (readLock(file)?.pid === mine.pid) rmSync(file, { force: true });
      };
      process.on('exit', release);
      return release;
    }
  } finally {
    rmSync(mineFile, { force: true });
  }
  throw new PrefoptError(
    'config',
    `--out ${out}: could not take ${file}; another run keeps taking it. Pass another --out.`,
  );
}

/**
 * Removes a lock whose process is gone. It is moved aside first (one rename wins); if what
 * was moved is not the dead lock that was read (another starter replaced it meanwhile), it
 * is put back.
 */
function takeOverStale(file: string, dead: LockInfo | undefined): void {
  const aside = `${file}.stale-${process.pid}`;
  try {
    renameSync(file, aside);
  } catch {
    return; // another starter moved it first
  }
  const moved = readLock(aside);
  if (moved && dead && (moved.pid !== dead.pid || moved.started !== dead.started)) {
    try {
      linkSync(aside, file);
    } catch {
      // a third starter holds it now; the next attempt reads that one
    }
  }
  rmSync(aside, { force: true });
}
