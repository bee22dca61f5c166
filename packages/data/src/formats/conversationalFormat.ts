import { PrefoptError, type RecordFormat } from '@prefopt/core';
import { commonPrefixLength } from './commonPrefixLength';
import { expectMessages } from './expectMessages';
import { expectObject } from './expectObject';
import { isMessageList } from './isMessageList';

/**
 * TRL's conversational format: `chosen` / `rejected` are `{role, content}` message lists,
 * `prompt` an optional one (system turns and multi-turn prompts included). Without
 * `prompt` (implicit prompt) the prompt is the messages both conversations share.
 */
export const conversationalFormat: RecordFormat = {
  name: 'conversational',
  detect(value) {
    if (typeof value !== 'object' || value === null) return false;
    const r = value as Record<string, unknown>;
    const promptOk = r.prompt === undefined || isMessageList(r.prompt);
    return promptOk && isMessageList(r.chosen) && isMessageList(r.rejected);
  },
  parse(value) {
    const r = expectObject(value);
    const chosen = expectMessages(r.chosen, 'chosen');
    const rejected = expectMessages(r.rejected, 'rejected');
    if (r.prompt !== undefined)
      return { prompt: expectMessages(r.prompt, 'prompt'), chosen, rejected };
    const n = commonPrefixLength(chosen, rejected);
    if (n === 0) {
      throw new PrefoptError(
        'data',
        'record has no "prompt" and "chosen"/"rejected" share no leading message to take as one; add a "prompt" list',
      );
    }
    return { prompt: chosen.slice(0, n), chosen: chosen.slice(n), rejected: rejected.slice(n) };
  },
};
