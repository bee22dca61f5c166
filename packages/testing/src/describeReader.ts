import { execFileSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import {
  PrefoptError,
  type PreferencePair,
  type PreferenceRecord,
  type RecordFormat,
} from '@prefopt/core';
import { afterAll, describe, expect, it } from 'vitest';

/** What a reader reports once it has read a file. */
export interface ReaderReportLike {
  format: string | undefined;
  pairs: number;
  skipped: number;
  skippedRecords: { line: number; reason: string }[];
}

/** A format plus the file reader it plugs into, with records to check them on. */
export interface ReaderConformance {
  format: RecordFormat;
  /** Opens a .json / .jsonl / .gz file (format 'auto' when none is named). */
  read(
    file: string,
    options: { format?: string; skipInvalid?: boolean },
  ): AsyncIterable<PreferenceRecord> & { report: ReaderReportLike };
  /** At least two records in the format and the pair each must parse to. */
  samples: { record: unknown; expected: PreferencePair }[];
  /** Records of the format's shape with a bad field, and what their error must say. */
  invalid: { record: unknown; message: RegExp }[];
  /** Records of other formats that `detect` must refuse. */
  foreign: unknown[];
}

/** A reader may look at this many records before its first one comes out. */
const MAX_LOOKAHEAD = 16;

async function collect(source: AsyncIterable<PreferenceRecord>): Promise<PreferenceRecord[]> {
  const out: PreferenceRecord[] = [];
  for await (const r of source) out.push(r);
  return out;
}

/**
 * The conformance suite every preference format runs: detection, parsing, the four
 * containers (.json, .jsonl, and gzipped), line numbers in errors, `skipInvalid`
 * counting, and streaming (records come out of a FIFO before the writer closes it).
 */
export function describeReader(title: string, c: ReaderConformance): void {
  describe(`${title} (reader conformance)`, () => {
    const dir = mkdtempSync(join(tmpdir(), 'prefopt-reader-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const write = (name: string, text: string, gzip = false) => {
      const file = join(dir, name);
      writeFileSync(file, gzip ? gzipSync(text) : text);
      return file;
    };
    const lines = (records: unknown[]) => records.map((r) => JSON.stringify(r)).join('\n') + '\n';
    // One element per line after "[": element i starts on line i + 2.
    const array = (records: unknown[]) =>
      `[\n${records.map((r) => JSON.stringify(r)).join(',\n')}\n]\n`;
    const expected = (file: string, lineOf: (i: number) => number) =>
      c.samples.map((s, i) => ({ ...s.expected, source: { file, line: lineOf(i) } }));

    it('has at least two samples, one invalid record and one foreign record', () => {
      expect(c.samples.length).toBeGreaterThanOrEqual(2);
      expect(c.invalid.length).toBeGreaterThanOrEqual(1);
      expect(c.foreign.length).toBeGreaterThanOrEqual(1);
    });

    it('detects its own records and refuses foreign ones and non-objects', () => {
      for (const s of c.samples) expect(c.format.detect(s.record)).toBe(true);
      for (const f of [...c.foreign, null, 3, 'text', []]) expect(c.format.detect(f)).toBe(false);
    });

    it('parses each sample to its expected pair', () => {
      for (const s of c.samples) expect(c.format.parse(s.record)).toEqual(s.expected);
    });

    it('rejects each invalid record with a data error saying what is wrong', () => {
      for (const bad of c.invalid) {
        let error: unknown;
        try {
          c.format.parse(bad.record);
        } catch (e) {
          error = e;
        }
        expect(
          PrefoptError.is(error, 'data'),
          `no data error for ${JSON.stringify(bad.record)}`,
        ).toBe(true);
        expect((error as Error).message).toMatch(bad.message);
      }
    });

    const containers = [
      { name: 'pairs.jsonl', text: lines, line: (i: number) => i + 1, gzip: false },
      { name: 'pairs.json', text: array, line: (i: number) => i + 2, gzip: false },
      { name: 'pairs.jsonl.gz', text: lines, line: (i: number) => i + 1, gzip: true },
      { name: 'pairs.json.gz', text: array, line: (i: number) => i + 2, gzip: true },
    ];
    for (const k of containers) {
      it(`reads ${k.name}, detecting the format, with source lines`, async () => {
        const file = write(k.name, k.text(c.samples.map((s) => s.record)), k.gzip);
        const reader = c.read(file, {});
        expect(await collect(reader)).toEqual(expected(file, k.line));
        expect(reader.report).toMatchObject({
          format: c.format.name,
          pairs: c.samples.length,
          skipped: 0,
        });
      });
    }

    it('reads with the format named explicitly', async () => {
      const file = write('named.jsonl', lines(c.samples.map((s) => s.record)));
      const reader = c.read(file, { format: c.format.name });
      expect(await collect(reader)).toEqual(expected(file, (i) => i + 1));
    });

    // Lines: 1 sample, 2 sample, 3 invalid, 4 sample.
    const withInvalid = () => [
      c.samples[0].record,
      c.samples[1].record,
      c.invalid[0].record,
      c.samples[0].record,
    ];

    it('stops at an invalid record with a data error naming the file and line 3', async () => {
      const file = write('invalid.jsonl', lines(withInvalid()));
      const error = await collect(c.read(file, {})).catch((e: unknown) => e);
      expect(PrefoptError.is(error, 'data')).toBe(true);
      expect((error as Error).message).toContain(basename(file));
      expect((error as Error).message).toMatch(/line 3: /);
      expect((error as Error).message).toMatch(c.invalid[0].message);
    });

    it('stops at a line of broken JSON, naming line 2', async () => {
      const file = write('broken.jsonl', `${JSON.stringify(c.samples[0].record)}\n{"chosen": \n`);
      const error = await collect(c.read(file, {})).catch((e: unknown) => e);
      expect(PrefoptError.is(error, 'data')).toBe(true);
      expect((error as Error).message).toMatch(/line 2: /);
    });

    it('with skipInvalid skips, counts and reports the invalid record', async () => {
      const file = write('skip.jsonl', lines(withInvalid()));
      const reader = c.read(file, { skipInvalid: true });
      const records = await collect(reader);
      expect(records.map((r) => r.source.line)).toEqual([1, 2, 4]);
      expect(reader.report.pairs).toBe(3);
      expect(reader.report.skipped).toBe(1);
      expect(reader.report.skippedRecords[0].line).toBe(3);
      expect(reader.report.skippedRecords[0].reason).toMatch(c.invalid[0].message);
    });

    for (const kind of ['jsonl', 'json'] as const) {
      it.skipIf(process.platform === 'win32')(
        `streams ${kind}: records come out before the writer closes a FIFO`,
        async () => {
          const fifo = join(dir, `stream-${kind}.fifo`);
          execFileSync('mkfifo', [fifo]);
          const head = Array.from(
            { length: MAX_LOOKAHEAD + 1 },
            (_, i) => c.samples[i % c.samples.length].record,
          );
          const writer = createWriteStream(fifo);
          const iterator = c.read(fifo, {})[Symbol.asyncIterator]();
          const text = kind === 'json' ? array(head).replace(/\n\]\n$/, ',\n') : lines(head);
          writer.write(text);
          const first = await Promise.race([
            iterator.next(),
            new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 10_000)),
          ]);
          expect(first, 'the reader waited for the whole file').not.toBe('timeout');
          expect((first as IteratorResult<PreferenceRecord>).value).toMatchObject(
            c.samples[0].expected,
          );
          writer.end(kind === 'json' ? `${JSON.stringify(c.samples[0].record)}\n]\n` : '');
          let n = 1;
          while (!(await iterator.next()).done) n++;
          expect(n).toBe(head.length + (kind === 'json' ? 1 : 0));
        },
      );
    }
  });
}
