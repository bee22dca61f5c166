import { describeReader } from '@prefopt/testing';
import { describe, expect, it } from 'vitest';
import { readPreferences } from '../read/readPreferences';
import { standardFormat } from './standardFormat';

describeReader('standard', {
  format: standardFormat,
  read: readPreferences,
  samples: [
    {
      record: { prompt: 'The sky is', chosen: ' blue.', rejected: ' green.' },
      expected: { prompt: 'The sky is', chosen: ' blue.', rejected: ' green.' },
    },
    {
      record: { prompt: 'Q: 2+2?\nA:', chosen: ' 4', rejected: ' 5', score: 1 },
      expected: { prompt: 'Q: 2+2?\nA:', chosen: ' 4', rejected: ' 5' },
    },
  ],
  invalid: [
    {
      record: { prompt: 'x', chosen: 3, rejected: 'y' },
      message: /"chosen" must be a string, got number 3/,
    },
    { record: { prompt: ['x'], chosen: 'a', rejected: 'b' }, message: /"prompt" must be a string/ },
  ],
  foreign: [
    { chosen: [{ role: 'user', content: 'a' }], rejected: [{ role: 'user', content: 'b' }] },
    {
      conversations: [{ from: 'human', value: 'hi' }],
      chosen: { from: 'gpt', value: 'a' },
      rejected: { from: 'gpt', value: 'b' },
    },
  ],
});

describe('standardFormat implicit prompt', () => {
  it('takes the longest common prefix, leaving the space to the completions (TRL)', () => {
    // 'The sky is blue.' vs 'The sky is green.': they share 'The sky is ' (11 chars); the
    // space before the divergence goes to the completions, as TRL's extract_prompt does.
    expect(
      standardFormat.parse({ chosen: 'The sky is blue.', rejected: 'The sky is green.' }),
    ).toEqual({
      prompt: 'The sky is',
      chosen: ' blue.',
      rejected: ' green.',
    });
  });

  it('refuses a prompt-less pair with nothing in common, naming the fix', () => {
    expect(() => standardFormat.parse({ chosen: 'yes', rejected: 'no' })).toThrow(
      /add a "prompt" field/,
    );
  });
});
