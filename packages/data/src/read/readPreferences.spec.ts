import { mkdtempSync, readdirSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readPreferences } from './readPreferences';

const dir = mkdtempSync(join(tmpdir(), 'prefopt-read-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readPreferences', () => {
  it('reads a pretty-printed JSON array with each record on the line it starts', async () => {
    const file = join(dir, 'pretty.json');
    const records = [
      { prompt: 'a', chosen: 'b', rejected: 'c' },
      { prompt: 'd', chosen: 'e', rejected: 'f' },
    ];
    // JSON.stringify(…, null, 2): "[" line 1; record 1 spans lines 2–6 ("{", 3 fields, "},"); record 2 starts on 7.
    writeFileSync(file, JSON.stringify(records, null, 2));
    const lines: number[] = [];
    for await (const r of readPreferences(file)) lines.push(r.source.line);
    expect(lines).toEqual([2, 7]);
  });

  it.skipIf(process.platform !== 'linux')('closes the file when a caller stops early', async () => {
    const file = join(dir, 'early.jsonl'); // ~900 KB: far more than one 64 KiB read
    writeFileSync(
      file,
      Array.from({ length: 20_000 }, () =>
        JSON.stringify({ prompt: 'p', chosen: 'c', rejected: 'r' }),
      ).join('\n'),
    );
    const open = () =>
      readdirSync('/proc/self/fd').filter((fd) => {
        try {
          return readlinkSync(`/proc/self/fd/${fd}`) === file;
        } catch {
          return false;
        }
      }).length;
    for await (const _ of readPreferences(file)) {
      expect(open()).toBe(1);
      break;
    }
    await new Promise((r) => setTimeout(r, 50)); // the close is asynchronous
    expect(open()).toBe(0);
  });

  it('lets a caller stop early, and reads the same file again afterwards', async () => {
    const file = join(dir, 'many.jsonl');
    writeFileSync(
      file,
      Array.from({ length: 50 }, (_, i) =>
        JSON.stringify({ prompt: `p${i}`, chosen: 'c', rejected: 'r' }),
      ).join('\n'),
    );
    const reader = readPreferences(file);
    for await (const r of reader) {
      expect(r.prompt).toBe('p0');
      break;
    }
    expect(reader.report.done).toBe(false);
    let n = 0;
    for await (const _ of readPreferences(file)) n++;
    expect(n).toBe(50);
  });
});
