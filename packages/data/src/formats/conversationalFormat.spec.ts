import { describeReader } from '@prefopt/testing';
import { describe, expect, it } from 'vitest';
import { readPreferences } from '../read/readPreferences';
import { conversationalFormat } from './conversationalFormat';

const sys = { role: 'system', content: 'Be brief.' };
const u1 = { role: 'user', content: 'Hi' };
const a1 = { role: 'assistant', content: 'Hello.' };
const u2 = { role: 'user', content: 'Capital of France?' };
const good = { role: 'assistant', content: 'Paris.' };
const bad = { role: 'assistant', content: 'Lyon.' };

describeReader('conversational', {
  format: conversationalFormat,
  read: readPreferences,
  samples: [
    {
      // explicit multi-turn prompt with a system turn; extra message keys are dropped
      record: { prompt: [sys, u1, a1, u2], chosen: [{ ...good, name: 'x' }], rejected: [bad] },
      expected: { prompt: [sys, u1, a1, u2], chosen: [good], rejected: [bad] },
    },
    {
      // implicit prompt: the messages both conversations share
      record: { chosen: [sys, u2, good], rejected: [sys, u2, bad] },
      expected: { prompt: [sys, u2], chosen: [good], rejected: [bad] },
    },
  ],
  invalid: [
    {
      record: { prompt: [u1], chosen: [{ role: 'assistant', content: 7 }], rejected: [bad] },
      message: /chosen\[0\]\.content must be a string, got number 7/,
    },
    {
      record: { prompt: [u1], chosen: 'Paris.', rejected: [bad] },
      message: /"chosen" must be a list of \{role, content\} messages, got a string/,
    },
  ],
  foreign: [
    { prompt: 'Hi', chosen: 'a', rejected: 'b' },
    {
      conversations: [{ from: 'human', value: 'hi' }],
      chosen: { from: 'gpt', value: 'a' },
      rejected: { from: 'gpt', value: 'b' },
    },
  ],
});

describe('conversationalFormat implicit prompt', () => {
  it('keeps every shared turn, up to the first differing message', () => {
    // Shared: u1, a1, u2 (3 messages); they differ at index 3.
    const r = conversationalFormat.parse({
      chosen: [u1, a1, u2, good],
      rejected: [u1, a1, u2, bad, u1],
    });
    expect(r).toEqual({ prompt: [u1, a1, u2], chosen: [good], rejected: [bad, u1] });
  });

  it('refuses conversations that share no first message', () => {
    expect(() => conversationalFormat.parse({ chosen: [good], rejected: [bad] })).toThrow(
      /add a "prompt" list/,
    );
  });
});
