import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { PrefoptError, type TokenizedPair, type Tokenizer } from '@prefopt/core';
import {
  findChatTemplate,
  HfTokenizer,
  readPreferences,
  splitTrainEval,
  tokenizeRecords,
} from '@prefopt/data';
import type { TrainSettings } from './TrainSettings';

/** Tokenised training and held-out pairs, and what identifies them for a reference cache. */
export interface TrainData {
  train: TokenizedPair[];
  eval: TokenizedPair[];
  /** SHA-256 of the data file(s): any split of them holds the same pairs. */
  dataIdentity: string;
  /** The tokenisation settings that shaped the ids. */
  tokenizationIdentity: string;
}

/**
 * Reads `--data` (and `--eval-data`), tokenises with the template and truncation flags,
 * and holds out `--eval-split` of the pairs by a seeded split. Skipped records and dropped
 * pairs are reported on `log`, never silently lost.
 */
export async function loadTrainData(
  s: TrainSettings,
  tokenizer: Tokenizer,
  tokenizerFile: string,
  log: (text: string) => void,
): Promise<TrainData> {
  const options = {
    // auto (no --template): the tokenizer's own chat_template where it has one, else plain
    template: findChatTemplate(
      s.template,
      tokenizer instanceof HfTokenizer ? tokenizer : undefined,
    ),
    maxLength: s.maxLength,
    maxPromptLength: s.maxPromptLength ?? Math.floor(s.maxLength / 2),
  };
  const read = async (file: string) => {
    const reader = readPreferences(file, { format: s.format, skipInvalid: s.skipInvalid });
    const result = await tokenizeRecords(reader, tokenizer, options);
    const r = reader.report;
    const dropped = Object.entries(result.droppedByReason).filter(([, n]) => n > 0);
    log(
      `data ${file}: ${r.pairs} pairs (${r.format}), ${result.pairs.length} kept` +
        (r.skipped
          ? `, ${r.skipped} invalid records skipped (first at line ${r.skippedRecords[0]?.line})`
          : '') +
        (dropped.length ? `, dropped ${dropped.map(([why, n]) => `${n} ${why}`).join(', ')}` : '') +
        (result.truncated ? `, ${result.truncated} truncated` : '') +
        (result.boundaryMismatches
          ? `, ${result.boundaryMismatches} with a token across the prompt/completion boundary (split at the prompt's length, as TRL)`
          : ''),
    );
    if (!result.pairs.length) {
      throw new PrefoptError(
        'data',
        `${file}: no trainable pairs after tokenisation; raise --max-length or check the format.`,
      );
    }
    return result.pairs;
  };
  const all = await read(s.data);
  let train = all;
  let held: TokenizedPair[] = [];
  if (s.evalData) held = await read(s.evalData);
  else if (s.evalSplit > 0)
    ({ train, eval: held } = splitTrainEval(all, { evalFraction: s.evalSplit, seed: s.seed }));
  const sha = (file: string) =>
    file === 'bytes' ? file : createHash('sha256').update(readFileSync(file)).digest('hex');
  return {
    train,
    eval: held,
    dataIdentity: JSON.stringify({
      data: sha(s.data),
      evalData: s.evalData ? sha(s.evalData) : null,
      format: s.format ?? 'auto',
    }),
    tokenizationIdentity: JSON.stringify({
      tokenizer: sha(tokenizerFile),
      kind: tokenizer.kind,
      // ids as TRL 1.13 makes them (prompt + completion encoded together): caches made
      // with completions encoded alone do not match
      scheme: 'trl-joint',
      ...options,
      template: options.template.name,
      templateSource: 'source' in options.template ? options.template.source : undefined,
    }),
  };
}
