import { openTextChunks } from '../io/openTextChunks';
import { PreferenceReader } from '../read/PreferenceReader';
import type { ReadOptions } from '../read/ReadOptions';
import { unpairedFormats } from './unpairedFormats';

/**
 * Streams the examples of a file in TRL's unpaired format (`prompt`, `completion`, `label`;
 * standard or conversational; .json / .jsonl / .gz) as records whose `chosen` and `rejected`
 * both hold the completion and whose `label` is set. The report counts examples as `pairs`.
 */
export function readUnpaired(file: string, options: ReadOptions = {}): PreferenceReader {
  return new PreferenceReader(openTextChunks(file), file, { formats: unpairedFormats, ...options });
}

/** True when a file's first JSON value looks like TRL's unpaired format (for `--data` auto-detection). */
export function looksUnpaired(value: unknown): boolean {
  return unpairedFormats.some((f) => f.detect(value));
}
