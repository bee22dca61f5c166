import type { PreferencePair } from './PreferenceRecord';

/**
 * One on-disk preference format (TRL standard, hh-rlhf, ShareGPT, ...). Readers pick a
 * format by `detect` on the first records (or by name) and then `parse` every record.
 */
export interface RecordFormat {
  /** Name used by `--format` and in stats: 'standard', 'conversational', 'hh-rlhf', 'sharegpt'. */
  readonly name: string;
  /** True when a parsed JSON value looks like this format (keys and value types only). */
  detect(value: unknown): boolean;
  /**
   * The pair a parsed JSON value holds. Throws PrefoptError('data') whose message names
   * the bad field (the reader prefixes file and line).
   */
  parse(value: unknown): PreferencePair;
}
