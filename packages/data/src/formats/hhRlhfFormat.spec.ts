import { describeReader } from '@prefopt/testing';
import { describe, expect, it } from 'vitest';
import { readPreferences } from '../read/readPreferences';
import { hhRlhfFormat } from './hhRlhfFormat';

const H = '\n\nHuman: ';
const A = '\n\nAssistant:';

describeReader('hh-rlhf', {
  format: hhRlhfFormat,
  read: readPreferences,
  samples: [
    {
      record: {
        chosen: `${H}Hi${A} Hello.${H}Pen pranks?${A} No.`,
        rejected: `${H}Hi${A} Hello.${H}Pen pranks?${A} Sure!`,
      },
      // the prompt runs to the LAST assistant marker, earlier turns included
      expected: {
        prompt: `${H}Hi${A} Hello.${H}Pen pranks?${A}`,
        chosen: ' No.',
        rejected: ' Sure!',
      },
    },
    {
      record: { chosen: `${H}Weather?${A} Sunny.`, rejected: `${H}Weather?${A} Rain.` },
      expected: { prompt: `${H}Weather?${A}`, chosen: ' Sunny.', rejected: ' Rain.' },
    },
  ],
  invalid: [
    {
      record: { chosen: `${H}a${A} b`, rejected: null },
      message: /"rejected" must be a string, got null/,
    },
  ],
  foreign: [
    { prompt: 'Hi', chosen: 'a', rejected: 'b' },
    { chosen: 'plain text', rejected: 'other text' },
  ],
});

describe('hhRlhfFormat fallback', () => {
  it('uses the longest common prefix when rejected does not share the last assistant turn', () => {
    // chosen has one more exchange than rejected, so chosen's last "\n\nAssistant:" prompt
    // is not a prefix of rejected; both share "\n\nHuman: Q\n\nAssistant: A" then differ.
    const chosen = `${H}Q${A} A${H}More?${A} Yes.`;
    const rejected = `${H}Q${A} A!`;
    expect(hhRlhfFormat.parse({ chosen, rejected })).toEqual({
      prompt: `${H}Q${A} A`,
      chosen: `${H}More?${A} Yes.`,
      rejected: '!',
    });
  });

  it('is picked over standard for prompt-less dialogue records', () => {
    expect(hhRlhfFormat.detect({ chosen: `${H}a${A} b`, rejected: `${H}a${A} c` })).toBe(true);
    expect(hhRlhfFormat.detect({ prompt: 'p', chosen: `${H}a${A} b`, rejected: 'c' })).toBe(false);
  });
});
