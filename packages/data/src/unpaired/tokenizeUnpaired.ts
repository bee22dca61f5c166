import type { PreferenceRecord, TokenizedExample, Tokenizer } from '@prefopt/core';
import type { TokenizeOptions } from '../tokenize/TokenizeOptions';
import { tokenizeRecords, type TokenizedDataset } from '../tokenize/tokenizeRecords';

/** Tokenised unpaired examples and what tokenisation cut and left out. */
export interface TokenizedUnpaired extends Omit<TokenizedDataset, 'pairs'> {
  examples: TokenizedExample[];
}

/**
 * Tokenises unpaired records (from `readUnpaired`) exactly as pairs are tokenised (same
 * template, truncation and drop rules), keeping each example's label.
 */
export async function tokenizeUnpaired(
  records: AsyncIterable<PreferenceRecord> | Iterable<PreferenceRecord>,
  tokenizer: Tokenizer,
  options: TokenizeOptions = {},
): Promise<TokenizedUnpaired> {
  const labels = new Map<string, boolean>();
  const key = (r: { file: string; line: number }) => `${r.line}\u0000${r.file}`;
  async function* withLabels() {
    for await (const record of records) {
      labels.set(key(record.source), record.label === true);
      yield record;
    }
  }
  const { pairs, ...rest } = await tokenizeRecords(withLabels(), tokenizer, options);
  return {
    ...rest,
    examples: pairs.map((p, i) => ({
      prompt: p.prompt,
      completion: p.chosen,
      label: labels.get(key(rest.sources[i])) === true,
    })),
  };
}
