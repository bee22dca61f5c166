import { PrefoptError, type ChatMessage } from '@prefopt/core';
import { describeValue } from './describeValue';

/**
 * `value` as a list of `{role, content}` messages (extra keys dropped), or a data error
 * naming the field, the message index and what is wrong. `field` is used in messages only.
 */
export function expectMessages(value: unknown, field: string): ChatMessage[] {
  if (!Array.isArray(value)) {
    throw new PrefoptError(
      'data',
      `field "${field}" must be a list of {role, content} messages, got ${describeValue(value)}`,
    );
  }
  return value.map((m: unknown, i) => {
    const item = m as { role?: unknown; content?: unknown } | null;
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      throw new PrefoptError(
        'data',
        `${field}[${i}] must be a {role, content} object, got ${describeValue(m)}`,
      );
    }
    if (typeof item.role !== 'string') {
      throw new PrefoptError(
        'data',
        `${field}[${i}].role must be a string, got ${describeValue(item.role)}`,
      );
    }
    if (typeof item.content !== 'string') {
      throw new PrefoptError(
        'data',
        `${field}[${i}].content must be a string, got ${describeValue(item.content)}`,
      );
    }
    return { role: item.role, content: item.content };
  });
}
