import { PrefoptError, type RecordFormat } from '@prefopt/core';
import type { RawRecord } from '../io/RawRecord';

/**
 * The format of the first records: the earliest (most specific) format that fits at least
 * half of them, else the one that fits most; or a data error naming the first record's
 * keys and the formats there are. Formats are listed most specific first, since a general
 * one (standard) also fits the records of a specific one (hh-rlhf).
 */
export function detectFormat(
  head: readonly RawRecord[],
  formats: readonly RecordFormat[],
  file: string,
): RecordFormat {
  const values = head.filter((r) => 'value' in r).map((r) => (r as { value: unknown }).value);
  const counts = formats.map((format) => values.filter((v) => format.detect(v)).length);
  // The most specific format that fits at least half of them; else the one that fits most.
  const specific = formats.find((_, i) => counts[i] > 0 && 2 * counts[i] >= values.length);
  const most = Math.max(0, ...counts);
  const best = specific ?? (most > 0 ? formats[counts.indexOf(most)] : undefined);
  if (best) return best;
  const first = head.find((r) => 'value' in r) as { line: number; value: unknown } | undefined;
  const names = formats.map((f) => f.name).join(', ');
  if (!first) throw new PrefoptError('input', 'detectFormat needs at least one parsed record.');
  const v = first.value;
  const keys =
    typeof v === 'object' && v !== null && !Array.isArray(v)
      ? `keys: ${Object.keys(v).join(', ') || 'none'}`
      : 'not an object';
  throw new PrefoptError(
    'data',
    `${file}: line ${first.line}: record matches no known preference format (${keys}). ` +
      `Expected chosen/rejected pairs; pass --format with one of: ${names}.`,
  );
}
