import { PrefoptError, type PreferenceRecord } from '@prefopt/core';
import { describe, expect, it } from 'vitest';
import { PreferenceReader } from './PreferenceReader';
import type { ReadOptions, SkippedRecord } from './ReadOptions';

const std = (i: number) => JSON.stringify({ prompt: `p${i}`, chosen: `c${i}`, rejected: `r${i}` });
const hh = (i: number) =>
  JSON.stringify({
    chosen: `\n\nHuman: q${i}\n\nAssistant: a`,
    rejected: `\n\nHuman: q${i}\n\nAssistant: b`,
  });

function reader(lines: string[], options: ReadOptions = {}): PreferenceReader {
  async function* chunks() {
    yield lines.join('\n') + '\n';
  }
  return new PreferenceReader(chunks(), 'mem.jsonl', options);
}

async function all(r: PreferenceReader): Promise<PreferenceRecord[]> {
  const out: PreferenceRecord[] = [];
  for await (const x of r) out.push(x);
  return out;
}

describe('PreferenceReader', () => {
  it('detects the most specific format that fits at least half of the first records', async () => {
    const r = reader([hh(1), hh(2), std(3)], { skipInvalid: true });
    const records = await all(r);
    // standard fits all 3 (hh dialogues are prompt-less standard records too), hh-rlhf
    // fits 2 of 3 >= half and is more specific; the record with a prompt is skipped.
    expect(r.report.format).toBe('hh-rlhf');
    expect(records.map((x) => x.source.line)).toEqual([1, 2]);
    expect(r.report.skipped).toBe(1);
    expect(r.report.skippedRecords[0]).toMatchObject({
      line: 3,
      reason: expect.stringMatching(/no "prompt" field.*\(format hh-rlhf\)/),
    });
  });

  it('falls back to the format that fits most when none fits half', async () => {
    const r = reader([std(1), std(2), hh(3)]);
    // hh-rlhf fits 1 of 3 < half; standard fits all 3.
    await all(r);
    expect(r.report).toMatchObject({ format: 'standard', pairs: 3 });
  });

  it('detects past broken leading records when skipping, calling onSkip for each', async () => {
    const seen: SkippedRecord[] = [];
    const r = reader(['{oops', '[1, 2]', std(3)], {
      skipInvalid: true,
      onSkip: (s) => seen.push(s),
    });
    expect((await all(r)).map((x) => x.prompt)).toEqual(['p3']);
    expect(r.report).toMatchObject({ format: 'standard', pairs: 1, skipped: 2, done: true });
    expect(seen.map((s) => s.line)).toEqual([1, 2]);
    expect(seen[1].reason).toMatch(/a record must be a JSON object, got an array of 2/);
  });

  it('stops at a broken first line without skipInvalid', async () => {
    const error = await all(reader(['{oops', std(2)])).catch((e: unknown) => e);
    expect(PrefoptError.is(error, 'data')).toBe(true);
    expect((error as Error).message).toMatch(/^mem\.jsonl: line 1: invalid JSON .*--skip-invalid/);
  });

  it('names the keys and the formats when nothing matches', async () => {
    const error = await all(reader([JSON.stringify({ question: 'q', answer: 'a' })])).catch(
      (e: unknown) => e,
    );
    expect(PrefoptError.is(error, 'data')).toBe(true);
    expect((error as Error).message).toMatch(
      /line 1: record matches no known preference format \(keys: question, answer\).*--format .*sharegpt, conversational, hh-rlhf, standard/,
    );
  });

  it('uses a named format for every record, failing the ones it does not fit', async () => {
    const error = await all(reader([std(1)], { format: 'sharegpt' })).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(
      /line 1: .*"conversations" must be a non-empty list.*\(format sharegpt\)/,
    );
    await expect(() =>
      reader([std(1)], { format: 'alpaca' })
        [Symbol.asyncIterator]()
        .next(),
    ).rejects.toThrow(/unknown data format 'alpaca'\. Formats: auto, sharegpt/);
  });

  it('with a named format, yields a record before the source produces the next chunk', async () => {
    let produced = 0;
    async function* chunks() {
      for (let i = 1; i <= 3; i++) {
        produced = i;
        yield std(i) + '\n';
      }
    }
    const it = new PreferenceReader(chunks(), 'mem', { format: 'standard' })[
      Symbol.asyncIterator
    ]();
    expect((await it.next()).value).toMatchObject({ prompt: 'p1' });
    // the 2nd chunk may be pulled to find the end of line 1, never the 3rd
    expect(produced).toBeLessThanOrEqual(2);
  });

  it('reads an empty source as zero pairs and refuses a second pass', async () => {
    const r = reader([]);
    expect(await all(r)).toEqual([]);
    expect(r.report).toMatchObject({ pairs: 0, skipped: 0, format: undefined, done: true });
    await expect(all(r)).rejects.toThrow(/can be iterated once/);
  });
});
