import { PrefoptError } from '@prefopt/core';
import { describe, expect, it } from 'vitest';
import type { RawRecord } from './RawRecord';
import { splitJsonArray } from './splitJsonArray';

async function* chunksOf(text: string, size: number): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

async function split(text: string, size = 7): Promise<RawRecord[]> {
  const out: RawRecord[] = [];
  for await (const r of splitJsonArray(chunksOf(text, size), 'f.json')) out.push(r);
  return out;
}

describe('splitJsonArray', () => {
  const records = [
    { chosen: 'a, b] }', rejected: 'say "[hi]" \\' },
    { nested: { list: [1, [2, { x: '}' }]] }, n: -1.5e3 },
  ];
  const pretty = JSON.stringify(records, null, 2);
  // pretty printing puts "[" on line 1, the first "{" on line 2; the first record spans
  // lines 2-5 ("{", two fields, "},"), so the second starts on line 6.

  it('yields each element with the line it starts on, whatever the chunking', async () => {
    for (const size of [1, 2, 7, 64, 10_000]) {
      expect(await split(pretty, size)).toEqual([
        { line: 2, value: records[0] },
        { line: 6, value: records[1] },
      ]);
    }
  });

  it('reads scalar elements and the empty array', async () => {
    expect(await split('[1, "x,]", null]')).toEqual([
      { line: 1, value: 1 },
      { line: 1, value: 'x,]' },
      { line: 1, value: null },
    ]);
    expect(await split(' [ ] \n')).toEqual([]);
    expect(await split('')).toEqual([]);
  });

  it('turns a bad element into an error record and goes on', async () => {
    const out = await split('[\n{"a": 1},\n{"a": tru},\n,\n{"a": 2}\n]');
    expect(out[0]).toEqual({ line: 2, value: { a: 1 } });
    expect(out[1]).toMatchObject({ line: 3, error: expect.stringMatching(/^invalid JSON/) });
    expect(out[2]).toEqual({ line: 4, error: 'empty array element (a stray comma?)' });
    expect(out[3]).toEqual({ line: 5, value: { a: 2 } });
  });

  const fatal: [string, string, RegExp][] = [
    ['an object at the top', '{"a": 1}', /line 1: a \.json data file must hold one array/],
    [
      'a truncated array',
      '[\n{"a": 1},\n{"a": ',
      /line 3: the file ends before the array is closed/,
    ],
    ['a truncated string', '[\n{"a": "abc', /line 2: the file ends inside a string/],
    ['text after the array', '[1]\n\n[2]', /line 3: unexpected text after the closing "\]"/],
  ];
  for (const [what, text, message] of fatal) {
    it(`throws a data error with the line for ${what}`, async () => {
      const error = await split(text).catch((e: unknown) => e);
      expect(PrefoptError.is(error, 'data')).toBe(true);
      expect((error as Error).message).toMatch(/^f\.json: /);
      expect((error as Error).message).toMatch(message);
    });
  }
});
