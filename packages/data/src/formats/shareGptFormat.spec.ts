import { describeReader } from '@prefopt/testing';
import { describe, expect, it } from 'vitest';
import { readPreferences } from '../read/readPreferences';
import { shareGptFormat } from './shareGptFormat';

describeReader('sharegpt', {
  format: shareGptFormat,
  read: readPreferences,
  samples: [
    {
      record: {
        conversations: [{ from: 'human', value: 'Name a colour.' }],
        chosen: { from: 'gpt', value: 'Blue.' },
        rejected: { from: 'gpt', value: 'Seven.' },
      },
      expected: {
        prompt: [{ role: 'user', content: 'Name a colour.' }],
        chosen: [{ role: 'assistant', content: 'Blue.' }],
        rejected: [{ role: 'assistant', content: 'Seven.' }],
      },
    },
    {
      // LLaMA-Factory: system turn in the conversation, a `system` field, multi-turn prompt
      record: {
        system: 'Be kind.',
        conversations: [
          { from: 'human', value: 'Hi' },
          { from: 'gpt', value: 'Hello.' },
          { from: 'human', value: 'Bye' },
        ],
        chosen: [{ from: 'gpt', value: 'Goodbye!' }],
        rejected: { from: 'gpt', value: 'No.' },
      },
      expected: {
        prompt: [
          { role: 'system', content: 'Be kind.' },
          { role: 'user', content: 'Hi' },
          { role: 'assistant', content: 'Hello.' },
          { role: 'user', content: 'Bye' },
        ],
        chosen: [{ role: 'assistant', content: 'Goodbye!' }],
        rejected: [{ role: 'assistant', content: 'No.' }],
      },
    },
  ],
  invalid: [
    {
      record: {
        conversations: [{ from: 'human', value: 'x' }],
        chosen: { from: 'gpt', value: 4 },
        rejected: { from: 'gpt', value: 'y' },
      },
      message: /chosen\.value must be a string, got number 4/,
    },
    {
      record: {
        conversations: [{ from: 'narrator', value: 'x' }],
        chosen: { from: 'gpt', value: 'a' },
        rejected: { from: 'gpt', value: 'b' },
      },
      message: /conversations\[0\]\.from is 'narrator', not a known ShareGPT role/,
    },
  ],
  foreign: [
    { prompt: 'Hi', chosen: 'a', rejected: 'b' },
    { chosen: [{ role: 'user', content: 'a' }], rejected: [{ role: 'user', content: 'b' }] },
  ],
});

describe('shareGptFormat', () => {
  it('refuses an empty conversation, naming the field', () => {
    const r = {
      conversations: [],
      chosen: { from: 'gpt', value: 'a' },
      rejected: { from: 'gpt', value: 'b' },
    };
    expect(() => shareGptFormat.parse(r)).toThrow(/"conversations" must be a non-empty list/);
  });
});
