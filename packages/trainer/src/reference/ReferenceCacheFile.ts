import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PrefoptError } from '@prefopt/core';

/** On-disk reference log-probs: one JSON file per key (model weights + data + tokenisation). */
export interface ReferenceCacheContents {
  key: string;
  /** What the key was made of, for humans. */
  describes: Record<string, string>;
  /** pairKey → [chosen, rejected] summed reference log-probs. */
  entries: Record<string, [number, number]>;
}

/** Reads and writes `<dir>/<key>.json`; writes go to a temp file that is renamed in place. */
export class ReferenceCacheFile {
  readonly path: string;

  constructor(
    dir: string,
    readonly key: string,
  ) {
    this.path = join(dir, `${key}.json`);
  }

  exists(): boolean {
    return existsSync(this.path);
  }

  read(): Map<string, readonly [number, number]> {
    let parsed: ReferenceCacheContents;
    try {
      parsed = JSON.parse(readFileSync(this.path, 'utf8')) as ReferenceCacheContents;
    } catch (e) {
      throw new PrefoptError(
        'io',
        `cannot read the reference cache ${this.path}: ${(e as Error).message}. Delete it to recompute.`,
      );
    }
    if (parsed.key !== this.key) {
      throw new PrefoptError(
        'checkpoint',
        `reference cache ${this.path} holds key ${parsed.key}, expected ${this.key}. Delete it to recompute.`,
      );
    }
    return new Map(Object.entries(parsed.entries));
  }

  write(
    entries: ReadonlyMap<string, readonly [number, number]>,
    describes: Record<string, string>,
  ): void {
    mkdirSync(dirname(this.path), { recursive: true });
    const body: ReferenceCacheContents = {
      key: this.key,
      describes,
      entries: Object.fromEntries(entries) as ReferenceCacheContents['entries'],
    };
    const tmp = `${this.path}.tmp-${process.pid}`;
    writeFileSync(tmp, JSON.stringify(body));
    renameSync(tmp, this.path);
  }
}
