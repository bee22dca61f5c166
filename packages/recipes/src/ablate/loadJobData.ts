import {
  PrefoptError,
  type PreferenceRecord,
  type TokenizedPair,
  type Tokenizer,
} from '@prefopt/core';
import { plainTemplate, readPreferences, tokenizeRecords } from '@prefopt/data';

export interface JobData {
  pairs: TokenizedPair[];
  /** The prompts as text, in file order (chat prompts rendered with the plain template). */
  prompts: string[];
}

/** Reads and tokenises one preference file for a job; prompts get at most half of maxLength. */
export async function loadJobData(
  file: string,
  tokenizer: Tokenizer,
  maxLength: number,
): Promise<JobData> {
  const prompts: string[] = [];
  const reader = readPreferences(file);
  const tracked: AsyncIterable<PreferenceRecord> = {
    async *[Symbol.asyncIterator]() {
      for await (const record of reader) {
        prompts.push(
          typeof record.prompt === 'string'
            ? record.prompt
            : plainTemplate.renderPrompt(record.prompt),
        );
        yield record;
      }
    },
  };
  const result = await tokenizeRecords(tracked, tokenizer, {
    template: plainTemplate,
    maxLength,
    maxPromptLength: Math.floor(maxLength / 2),
  });
  if (result.pairs.length === 0) {
    throw new PrefoptError(
      'data',
      `${file}: no pairs left after tokenisation (max length ${maxLength}); raise --max-length or check the file.`,
    );
  }
  return { pairs: result.pairs, prompts };
}
