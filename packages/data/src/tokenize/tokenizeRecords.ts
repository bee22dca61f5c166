import type { PreferenceRecord, RecordSource, TokenizedPair, Tokenizer } from '@prefopt/core';
import type { TokenizeOptions } from './TokenizeOptions';
import type { DropReason } from './TokenizeResult';
import { tokenizePair } from './tokenizePair';
import { validateTokenizeOptions } from './validateTokenizeOptions';

/** One pair left out of training, where it came from and why. */
export interface DroppedPair {
  source: RecordSource;
  reason: DropReason;
  message: string;
}

/** The trainable pairs of a dataset plus what tokenisation cut and left out. */
export interface TokenizedDataset {
  pairs: TokenizedPair[];
  /** `sources[i]` is where `pairs[i]` came from. */
  sources: RecordSource[];
  /** Pairs with at least one side truncated. */
  truncated: number;
  /** Pairs whose prompt + completion ids did not start with the prompt's ids (TRL's warning). */
  boundaryMismatches: number;
  /** Left-out pairs by reason (every reason present, 0 when none). */
  droppedByReason: Record<DropReason, number>;
  /** The first left-out pairs (at most 20), for the report. */
  dropped: DroppedPair[];
}

/**
 * Tokenises every record (streamed: a reader or any iterable). Only ids are kept, so the
 * result is small next to the text; dropped pairs are counted by reason, never fed.
 */
export async function tokenizeRecords(
  records: AsyncIterable<PreferenceRecord> | Iterable<PreferenceRecord>,
  tokenizer: Tokenizer,
  options: TokenizeOptions = {},
): Promise<TokenizedDataset> {
  validateTokenizeOptions(options);
  const out: TokenizedDataset = {
    pairs: [],
    sources: [],
    truncated: 0,
    boundaryMismatches: 0,
    droppedByReason: { 'empty-completion': 0, 'prompt-too-long': 0, template: 0 },
    dropped: [],
  };
  for await (const record of records) {
    const result = tokenizePair(record, tokenizer, options);
    if (result.ok) {
      out.pairs.push(result.pair);
      out.sources.push(record.source);
      if (result.truncated) out.truncated++;
      if (result.boundaryMismatch) out.boundaryMismatches++;
    } else {
      out.droppedByReason[result.reason]++;
      if (out.dropped.length < 20) {
        out.dropped.push({ source: record.source, reason: result.reason, message: result.message });
      }
    }
  }
  return out;
}
