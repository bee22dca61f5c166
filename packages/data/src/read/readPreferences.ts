import { openTextChunks } from '../io/openTextChunks';
import { PreferenceReader } from './PreferenceReader';
import type { ReadOptions } from './ReadOptions';

/**
 * Streams the preference pairs of a `.json` (array), `.jsonl` or gzipped file, in any
 * bundled format (detected, or `options.format`):
 *
 *   const reader = readPreferences('pairs.jsonl.gz', { skipInvalid: true });
 *   for await (const record of reader) use(record);
 *   console.log(reader.report.pairs, reader.report.skipped);
 */
export function readPreferences(file: string, options: ReadOptions = {}): PreferenceReader {
  return new PreferenceReader(openTextChunks(file), file, options);
}
