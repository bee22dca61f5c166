import { PrefoptError, type RecordFormat } from '@prefopt/core';
import { commonPrefixLength } from './commonPrefixLength';
import { expectObject } from './expectObject';
import { expectString } from './expectString';

const ASSISTANT = '\n\nAssistant:';

/**
 * Anthropic hh-rlhf: `chosen` / `rejected` are whole dialogues of `\n\nHuman:` and
 * `\n\nAssistant:` turns. The prompt runs up to and including the last `\n\nAssistant:` of
 * `chosen` (TRL's `extract_anthropic_prompt`) when `rejected` starts with it too, otherwise
 * it is the longest common prefix of the two.
 */
export const hhRlhfFormat: RecordFormat = {
  name: 'hh-rlhf',
  detect(value) {
    if (typeof value !== 'object' || value === null) return false;
    const r = value as Record<string, unknown>;
    return (
      r.prompt === undefined &&
      typeof r.chosen === 'string' &&
      typeof r.rejected === 'string' &&
      r.chosen.includes('\n\nHuman:') &&
      r.chosen.includes(ASSISTANT)
    );
  },
  parse(value) {
    const r = expectObject(value);
    if (r.prompt !== undefined) {
      throw new PrefoptError(
        'data',
        'an hh-rlhf record has no "prompt" field (this one looks like --format standard)',
      );
    }
    const chosen = expectString(r, 'chosen');
    const rejected = expectString(r, 'rejected');
    const last = chosen.lastIndexOf(ASSISTANT);
    let promptLength = last >= 0 ? last + ASSISTANT.length : -1;
    if (promptLength < 0 || !rejected.startsWith(chosen.slice(0, promptLength))) {
      promptLength = commonPrefixLength(chosen, rejected);
    }
    return {
      prompt: chosen.slice(0, promptLength),
      chosen: chosen.slice(promptLength),
      rejected: rejected.slice(promptLength),
    };
  },
};
