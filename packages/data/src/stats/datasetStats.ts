import type { Tokenizer } from '@prefopt/core';
import type { ReadOptions, SkippedRecord } from '../read/ReadOptions';
import { readPreferences } from '../read/readPreferences';
import type { ChatTemplate } from '../templates/ChatTemplate';
import type { DropReason } from '../tokenize/TokenizeResult';
import { tokenizePair } from '../tokenize/tokenizePair';
import { TokenCounter } from './TokenCounter';
import type { TokenStats } from './TokenStats';

/** What `prefopt data stats` prints. Token fields are null without a tokenizer. */
export interface DatasetStats {
  pairs: number;
  skipped: number;
  format: string | null;
  promptTokens: TokenStats | null;
  chosenTokens: TokenStats | null;
  rejectedTokens: TokenStats | null;
  /** Pairs training would leave out (no truncation applied here), by reason; with a tokenizer. */
  unusable?: Partial<Record<DropReason, number>>;
  /** The first skipped records (line and reason), when any were skipped. */
  skippedRecords?: SkippedRecord[];
}

/**
 * Reads a whole dataset once (streamed) and counts pairs, skipped records and, given a
 * tokenizer, untruncated token lengths as training would tokenise them (BOS on the prompt,
 * EOS on each completion, message records through `template`).
 */
export async function datasetStats(
  file: string,
  options: ReadOptions & { tokenizer?: Tokenizer; template?: ChatTemplate } = {},
): Promise<DatasetStats> {
  const reader = readPreferences(file, options);
  const counters = [new TokenCounter(), new TokenCounter(), new TokenCounter()];
  const unusable: Partial<Record<DropReason, number>> = {};
  const { tokenizer, template } = options;
  for await (const record of reader) {
    if (!tokenizer) continue;
    const result = tokenizePair(record, tokenizer, { template });
    if (!result.ok) {
      unusable[result.reason] = (unusable[result.reason] ?? 0) + 1;
      continue;
    }
    counters[0].add(result.pair.prompt.length);
    counters[1].add(result.pair.chosen.length);
    counters[2].add(result.pair.rejected.length);
  }
  const { report } = reader;
  const [promptTokens, chosenTokens, rejectedTokens] = tokenizer
    ? counters.map((c) => c.stats())
    : [null, null, null];
  return {
    pairs: report.pairs,
    skipped: report.skipped,
    format: report.format ?? null,
    promptTokens,
    chosenTokens,
    rejectedTokens,
    ...(tokenizer ? { unusable } : {}),
    ...(report.skipped ? { skippedRecords: report.skippedRecords } : {}),
  };
}
