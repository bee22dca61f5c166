import { describe, expect, it } from 'vitest';
import type { RawRecord } from './RawRecord';
import { splitJsonLines } from './splitJsonLines';

async function split(text: string, size: number): Promise<RawRecord[]> {
  async function* chunks() {
    for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
  }
  const out: RawRecord[] = [];
  for await (const r of splitJsonLines(chunks())) out.push(r);
  return out;
}

describe('splitJsonLines', () => {
  it('numbers lines from 1, skips blank ones, takes CRLF and a last line without newline', async () => {
    const text = '{"a":1}\r\n\n   \n{"a":2}\n{"a":"x\\ny"}';
    for (const size of [1, 3, 100]) {
      expect(await split(text, size)).toEqual([
        { line: 1, value: { a: 1 } },
        { line: 4, value: { a: 2 } },
        { line: 5, value: { a: 'x\ny' } },
      ]);
    }
  });

  it('turns a line of broken JSON into an error record with its line', async () => {
    const out = await split('{"a":1}\n{"a":\n{"a":3}\n', 4);
    expect(out[1]).toMatchObject({ line: 2, error: expect.stringMatching(/^invalid JSON \(/) });
    expect(out[2]).toEqual({ line: 3, value: { a: 3 } });
  });
});
