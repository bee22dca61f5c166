import { PrefoptError, type PreferenceRecord, type RecordFormat } from '@prefopt/core';
import { recordFormats } from '../formats/recordFormats';
import { findFormat } from '../formats/findFormat';
import type { RawRecord } from '../io/RawRecord';
import { readRawRecords } from '../io/readRawRecords';
import { detectFormat } from './detectFormat';
import type { ReadOptions, ReadReport } from './ReadOptions';

/** How many leading records format detection looks at. */
const DETECT_RECORDS = 8;
const KEEP_SKIPPED = 20;

/**
 * Preference records of one source, streamed: iterate it with `for await`; only the
 * current record is held. `report` counts pairs and skipped records as they go and is
 * final when iteration ends. Iterable once.
 */
export class PreferenceReader implements AsyncIterable<PreferenceRecord> {
  readonly report: ReadReport;
  private used = false;

  constructor(
    private readonly chunks: AsyncIterable<string>,
    readonly file: string,
    private readonly options: ReadOptions = {},
  ) {
    this.report = {
      file,
      format: undefined,
      pairs: 0,
      skipped: 0,
      skippedRecords: [],
      done: false,
    };
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<PreferenceRecord> {
    if (this.used)
      throw new PrefoptError(
        'input',
        `${this.file}: a PreferenceReader can be iterated once; open the file again.`,
      );
    this.used = true;
    const formats = this.options.formats ?? recordFormats;
    const named = this.options.format && this.options.format !== 'auto';
    let format: RecordFormat | undefined = named
      ? findFormat(this.options.format!, formats)
      : undefined;
    this.report.format = format?.name;
    const raw = readRawRecords(this.chunks, this.file);
    try {
      const head: RawRecord[] = [];
      if (!format) {
        // Look at the first records; a broken one ends the look when it would stop the read.
        for (let n = 0; n < DETECT_RECORDS;) {
          const next = await raw.next();
          if (next.done) break;
          head.push(next.value);
          if ('value' in next.value) n++;
          else if (!this.options.skipInvalid) break;
        }
        if (head.some((r) => 'value' in r)) format = detectFormat(head, formats, this.file);
        this.report.format = format?.name;
      }
      for (const r of head) {
        const record = this.accept(r, format);
        if (record) yield record;
      }
      for (let next = await raw.next(); !next.done; next = await raw.next()) {
        const record = this.accept(next.value, format);
        if (record) yield record;
      }
    } finally {
      await raw.return(undefined); // closes the file when the caller stops early or a record throws
    }
    this.report.done = true;
  }

  /** The record `raw` holds, or undefined when it is skipped; throws when it may not be. */
  private accept(raw: RawRecord, format: RecordFormat | undefined): PreferenceRecord | undefined {
    let reason: string;
    if ('error' in raw) reason = raw.error;
    else if (!format) throw new Error('unreachable: a valid record before the format is known');
    else {
      try {
        const pair = format.parse(raw.value);
        this.report.pairs++;
        return { ...pair, source: { file: this.file, line: raw.line } };
      } catch (e) {
        if (!PrefoptError.is(e, 'data')) throw e;
        reason = `${e.message} (format ${format.name})`;
      }
    }
    if (!this.options.skipInvalid) {
      throw new PrefoptError(
        'data',
        `${this.file}: line ${raw.line}: ${reason}. Fix the record, or skip such records with --skip-invalid.`,
      );
    }
    const skipped = { line: raw.line, reason };
    this.report.skipped++;
    if (this.report.skippedRecords.length < KEEP_SKIPPED) this.report.skippedRecords.push(skipped);
    this.options.onSkip?.(skipped);
    return undefined;
  }
}
