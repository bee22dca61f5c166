import { PrefoptError, type ChatMessage, type RecordFormat } from '@prefopt/core';
import { describeValue } from './describeValue';
import { expectObject } from './expectObject';
import { shareGptRole } from './shareGptRole';

/**
 * ShareGPT / LLaMA-Factory preference data: `conversations` is the prompt as
 * `{from, value}` turns (`human`, `gpt`, `system`, ...), `chosen` / `rejected` are one
 * `{from, value}` object (or a list of them); an optional `system` string comes first.
 */
export const shareGptFormat: RecordFormat = {
  name: 'sharegpt',
  detect(value) {
    if (typeof value !== 'object' || value === null) return false;
    const r = value as Record<string, unknown>;
    const turnLike = (v: unknown) => typeof v === 'object' && v !== null;
    return Array.isArray(r.conversations) && turnLike(r.chosen) && turnLike(r.rejected);
  },
  parse(value) {
    const r = expectObject(value);
    const prompt = turns(r.conversations, 'conversations', true);
    if (r.system !== undefined) {
      if (typeof r.system !== 'string') {
        throw new PrefoptError(
          'data',
          `field "system" must be a string, got ${describeValue(r.system)}`,
        );
      }
      if (r.system) prompt.unshift({ role: 'system', content: r.system });
    }
    return {
      prompt,
      chosen: turns(r.chosen, 'chosen', false),
      rejected: turns(r.rejected, 'rejected', false),
    };
  },
};

/** A list of turns (or, for completions, a single turn object) → messages. */
function turns(value: unknown, field: string, listOnly: boolean): ChatMessage[] {
  const list = Array.isArray(value) ? value : listOnly ? undefined : [value];
  if (!list || list.length === 0) {
    throw new PrefoptError(
      'data',
      `field "${field}" must be a non-empty list of {from, value} turns${listOnly ? '' : ' or one such object'}, got ${describeValue(value)}`,
    );
  }
  return list.map((t: unknown, i) => {
    const where = Array.isArray(value) ? `${field}[${i}]` : field;
    const turn = t as { from?: unknown; value?: unknown; role?: unknown; content?: unknown } | null;
    if (typeof turn !== 'object' || turn === null || Array.isArray(turn)) {
      throw new PrefoptError(
        'data',
        `${where} must be a {from, value} object, got ${describeValue(t)}`,
      );
    }
    const from = turn.from ?? turn.role;
    const text = turn.value ?? turn.content;
    if (typeof from !== 'string') {
      throw new PrefoptError('data', `${where}.from must be a string, got ${describeValue(from)}`);
    }
    if (typeof text !== 'string') {
      throw new PrefoptError('data', `${where}.value must be a string, got ${describeValue(text)}`);
    }
    return { role: shareGptRole(from, where), content: text };
  });
}
