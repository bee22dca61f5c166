import type { RecordFormat } from '@prefopt/core';

/** One record a reader skipped, and why. */
export interface SkippedRecord {
  line: number;
  reason: string;
}

/** How `readPreferences` reads a file. */
export interface ReadOptions {
  /** 'auto' (default: detected from the first records) or a format name ('hh-rlhf', ...). */
  format?: string;
  /** The formats to detect among and look names up in (default: the bundled ones). */
  formats?: readonly RecordFormat[];
  /** Skip malformed or mistyped records (counted in the report) instead of stopping. */
  skipInvalid?: boolean;
  /** Called for each skipped record as it is skipped. */
  onSkip?: (skipped: SkippedRecord) => void;
}

/** What a reader has read so far; final once iteration has finished. */
export interface ReadReport {
  file: string;
  /** The format in use, once known. */
  format: string | undefined;
  pairs: number;
  skipped: number;
  /** The first skipped records (at most 20), for the end-of-read message. */
  skippedRecords: SkippedRecord[];
  done: boolean;
}
