import { PrefoptError, type RecordFormat } from '@prefopt/core';
import { commonPrefixLength } from './commonPrefixLength';
import { expectObject } from './expectObject';
import { expectString } from './expectString';

/**
 * TRL's standard format: `{prompt, chosen, rejected}` strings. Without `prompt` (TRL's
 * implicit prompt) the prompt is the longest common prefix of `chosen` and `rejected`.
 */
export const standardFormat: RecordFormat = {
  name: 'standard',
  detect(value) {
    if (typeof value !== 'object' || value === null) return false;
    const r = value as Record<string, unknown>;
    const promptOk = r.prompt === undefined || typeof r.prompt === 'string';
    return promptOk && typeof r.chosen === 'string' && typeof r.rejected === 'string';
  },
  parse(value) {
    const r = expectObject(value);
    const chosen = expectString(r, 'chosen');
    const rejected = expectString(r, 'rejected');
    if (r.prompt !== undefined) return { prompt: expectString(r, 'prompt'), chosen, rejected };
    const n = commonPrefixLength(chosen, rejected);
    if (n === 0) {
      throw new PrefoptError(
        'data',
        'record has no "prompt" and "chosen"/"rejected" share no prefix to take as one; add a "prompt" field',
      );
    }
    return { prompt: chosen.slice(0, n), chosen: chosen.slice(n), rejected: rejected.slice(n) };
  },
};
