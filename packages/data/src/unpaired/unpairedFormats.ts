import { PrefoptError, type RecordFormat } from '@prefopt/core';
import { describeValue } from '../formats/describeValue';
import { expectMessages } from '../formats/expectMessages';
import { expectObject } from '../formats/expectObject';
import { expectString } from '../formats/expectString';
import { isMessageList } from '../formats/isMessageList';

function expectLabel(r: Record<string, unknown>): boolean {
  if (typeof r.label !== 'boolean') {
    throw new PrefoptError(
      'data',
      `field "label" must be true (desirable) or false (undesirable), got ${describeValue(r.label)}`,
    );
  }
  return r.label;
}

/**
 * TRL's unpaired preference format, standard: `{prompt, completion, label}` with strings and a
 * boolean label (KTO, BCO). Parsed as a pair whose chosen and rejected both hold the completion.
 */
export const unpairedStandardFormat: RecordFormat = {
  name: 'unpaired',
  detect(value) {
    if (typeof value !== 'object' || value === null) return false;
    const r = value as Record<string, unknown>;
    return (
      typeof r.prompt === 'string' &&
      typeof r.completion === 'string' &&
      typeof r.label === 'boolean'
    );
  },
  parse(value) {
    const r = expectObject(value);
    const completion = expectString(r, 'completion');
    return {
      prompt: expectString(r, 'prompt'),
      chosen: completion,
      rejected: completion,
      label: expectLabel(r),
    };
  },
};

/** TRL's unpaired format, conversational: `prompt` and `completion` are message lists. */
export const unpairedConversationalFormat: RecordFormat = {
  name: 'unpaired-conversational',
  detect(value) {
    if (typeof value !== 'object' || value === null) return false;
    const r = value as Record<string, unknown>;
    return isMessageList(r.prompt) && isMessageList(r.completion) && typeof r.label === 'boolean';
  },
  parse(value) {
    const r = expectObject(value);
    const completion = expectMessages(r.completion, 'completion');
    return {
      prompt: expectMessages(r.prompt, 'prompt'),
      chosen: completion,
      rejected: completion,
      label: expectLabel(r),
    };
  },
};

/** The unpaired formats, most specific first (for `readUnpaired`'s detection). */
export const unpairedFormats: readonly RecordFormat[] = [
  unpairedConversationalFormat,
  unpairedStandardFormat,
];
