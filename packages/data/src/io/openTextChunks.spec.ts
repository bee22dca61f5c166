import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { PrefoptError } from '@prefopt/core';
import { afterAll, describe, expect, it } from 'vitest';
import { openTextChunks } from './openTextChunks';

const dir = mkdtempSync(join(tmpdir(), 'prefopt-open-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function text(file: string): Promise<string> {
  let out = '';
  for await (const chunk of openTextChunks(file)) out += chunk;
  return out;
}

describe('openTextChunks', () => {
  it('gunzips by the magic bytes, whatever the name, and drops a byte-order mark', async () => {
    const body = '\ufeff{"a": "é"}\n';
    const gz = join(dir, 'misnamed.jsonl');
    writeFileSync(gz, gzipSync(Buffer.from(body, 'utf8')));
    expect(await text(gz)).toBe('{"a": "é"}\n');
  });

  it('keeps multi-byte characters whole across its 64 KiB reads', async () => {
    // 65535 ASCII bytes, then "€" (3 bytes in UTF-8) straddles the 65536-byte chunk edge.
    const body = 'x'.repeat(65535) + '€' + 'y';
    const file = join(dir, 'edge.txt');
    writeFileSync(file, body, 'utf8');
    expect(await text(file)).toBe(body);
  });

  it('names a missing file and the flag to fix', async () => {
    const error = await text(join(dir, 'nope.jsonl')).catch((e: unknown) => e);
    expect(PrefoptError.is(error, 'data')).toBe(true);
    expect((error as Error).message).toMatch(/nope\.jsonl: no such file\. Check the --data path/);
  });

  it('reports a corrupt gzip file as a data error', async () => {
    const file = join(dir, 'cut.jsonl.gz');
    writeFileSync(file, gzipSync(Buffer.from('{"a": 1}\n'.repeat(1000))).subarray(0, 40));
    const error = await text(file).catch((e: unknown) => e);
    expect(PrefoptError.is(error, 'data')).toBe(true);
    expect((error as Error).message).toMatch(/cut\.jsonl\.gz: not a valid gzip file/);
  });
});
