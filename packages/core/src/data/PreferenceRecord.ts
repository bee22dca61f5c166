/** One chat turn. `role` is 'system', 'user', 'assistant' or 'tool' after normalisation. */
export interface ChatMessage {
  role: string;
  content: string;
}

/** Where a record came from: the file (as given) and the 1-based line it starts on. */
export interface RecordSource {
  file: string;
  line: number;
}

/**
 * A preference pair as every reader normalises it, whatever the file's format.
 * Text formats (TRL standard, hh-rlhf) keep text; chat formats keep messages, which a
 * chat template renders later. `chosen` / `rejected` are what follows the prompt.
 */
export interface PreferenceRecord {
  prompt: string | ChatMessage[];
  chosen: string | ChatMessage[];
  rejected: string | ChatMessage[];
  /**
   * Unpaired records only (TRL's unpaired format: prompt, completion, label): the label, with
   * the completion in `chosen` and again in `rejected` (so templates and tokenisers apply as to pairs).
   */
  label?: boolean;
  source: RecordSource;
}

/** The pair fields of a record, before the reader adds where it came from. */
export type PreferencePair = Omit<PreferenceRecord, 'source'>;
