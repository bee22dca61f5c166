import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { PrefoptError, type TokenizedExample, type Tokenizer } from '@prefopt/core';
import { findChatTemplate, readUnpaired, splitTrainEval, tokenizeUnpaired } from '@prefopt/data';
import type { TrainSettings } from './TrainSettings';

/** Tokenised unpaired examples (KTO, BCO) for training and held out. */
export interface UnpairedTrainData {
  train: TokenizedExample[];
  eval: TokenizedExample[];
  dataIdentity: string;
}

/**
 * Reads `--data` (and `--eval-data`) in TRL's unpaired format (`prompt`, `completion`,
 * `label`; standard or conversational), tokenises with the same template and truncation
 * flags as pairs, and holds out `--eval-split` by a seeded split. Counts are logged.
 */
export async function loadUnpairedData(
  s: TrainSettings,
  objectiveName: string,
  tokenizer: Tokenizer,
  log: (text: string) => void,
): Promise<UnpairedTrainData> {
  const options = {
    template: findChatTemplate(s.template),
    maxLength: s.maxLength,
    maxPromptLength: s.maxPromptLength ?? Math.floor(s.maxLength / 2),
  };
  const read = async (file: string) => {
    const reader = readUnpaired(file, { skipInvalid: s.skipInvalid });
    let result;
    try {
      result = await tokenizeUnpaired(reader, tokenizer, options);
    } catch (e) {
      if (PrefoptError.is(e, 'data') && /matches no known/.test((e as Error).message)) {
        throw new PrefoptError(
          'data',
          `${file}: objective '${objectiveName}' trains on TRL's unpaired format, one {"prompt", "completion", "label": true|false} per record (standard or conversational); this file's first record is not one.`,
        );
      }
      throw e;
    }
    const r = reader.report;
    const good = result.examples.filter((e) => e.label).length;
    log(
      `data ${file}: ${r.pairs} examples (${r.format}), ${result.examples.length} kept ` +
        `(${good} desirable, ${result.examples.length - good} undesirable)` +
        (r.skipped ? `, ${r.skipped} invalid records skipped` : '') +
        (result.truncated ? `, ${result.truncated} truncated` : ''),
    );
    if (result.examples.length < 2) {
      throw new PrefoptError(
        'data',
        `${file}: ${result.examples.length} trainable examples after tokenisation; an unpaired objective needs at least 2.`,
      );
    }
    return result.examples;
  };
  const all = await read(s.data);
  let train = all;
  let held: TokenizedExample[] = [];
  if (s.evalData) held = await read(s.evalData);
  else if (s.evalSplit > 0)
    ({ train, eval: held } = splitTrainEval(all, { evalFraction: s.evalSplit, seed: s.seed }));
  const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
  return {
    train,
    eval: held,
    dataIdentity: JSON.stringify({
      data: sha(s.data),
      evalData: s.evalData ? sha(s.evalData) : null,
      format: 'unpaired',
    }),
  };
}
