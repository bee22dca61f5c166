import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PrefoptError, type PreferenceRecord } from '@prefopt/core';
import { describe, expect, it } from 'vitest';
import { ByteTokenizer } from '../tokenizers/ByteTokenizer';
import { collateUnpaired } from './collateUnpaired';
import { readUnpaired } from './readUnpaired';
import { tokenizeUnpaired } from './tokenizeUnpaired';

const file = (lines: unknown[]) => {
  const f = join(mkdtempSync(join(tmpdir(), 'prefopt-unpaired-')), 'data.jsonl');
  writeFileSync(f, `${lines.map((l) => JSON.stringify(l)).join('\n')}\n`);
  return f;
};
const all = async (it: AsyncIterable<PreferenceRecord>) => {
  const out: PreferenceRecord[] = [];
  for await (const r of it) out.push(r);
  return out;
};

describe("TRL's unpaired format (prompt, completion, label)", () => {
  it('reads the standard form, the completion in chosen and rejected, the label kept', async () => {
    const reader = readUnpaired(
      file([
        { prompt: 'Hi', completion: ' there', label: true },
        { prompt: 'Hi', completion: ' go away', label: false },
      ]),
    );
    const records = await all(reader);
    expect(reader.report.format).toBe('unpaired');
    expect(records.map((r) => [r.prompt, r.chosen, r.rejected, r.label])).toEqual([
      ['Hi', ' there', ' there', true],
      ['Hi', ' go away', ' go away', false],
    ]);
  });

  it('reads the conversational form', async () => {
    const reader = readUnpaired(
      file([
        {
          prompt: [{ role: 'user', content: 'Hi' }],
          completion: [{ role: 'assistant', content: 'Hello' }],
          label: false,
        },
      ]),
    );
    const [r] = await all(reader);
    expect(reader.report.format).toBe('unpaired-conversational');
    expect(r.chosen).toEqual([{ role: 'assistant', content: 'Hello' }]);
    expect(r.label).toBe(false);
  });

  it('names a non-boolean label with file and line', async () => {
    const f = file([
      { prompt: 'a', completion: 'b', label: true },
      { prompt: 'a', completion: 'b', label: 'yes' },
    ]);
    await expect(all(readUnpaired(f, { format: 'unpaired' }))).rejects.toThrow(
      /line 2.*"label" must be true \(desirable\) or false/,
    );
  });

  it('tokenises like pairs and keeps each example’s label', async () => {
    const records = await all(
      readUnpaired(
        file([
          { prompt: 'a', completion: 'xy', label: true },
          { prompt: 'bc', completion: 'z', label: false },
        ]),
      ),
    );
    const t = await tokenizeUnpaired(records, new ByteTokenizer());
    expect(t.examples.map((e) => e.label)).toEqual([true, false]);
    expect(t.examples[0].completion.length).toBeGreaterThanOrEqual(2);
  });
});

describe('collateUnpaired', () => {
  it("lays out examples then KTO's mismatched rows (prompt_i + completion_{i−1}) with labels", () => {
    const b = collateUnpaired([
      { prompt: [1, 2], completion: [3], label: true },
      { prompt: [1], completion: [4, 5], label: false },
      { prompt: [6], completion: [7], label: true },
    ]);
    const T = b.seqLen;
    expect(b.size).toBe(3);
    expect(T).toBe(3);
    const row = (r: number) => Array.from(b.inputIds.slice(r * T, (r + 1) * T));
    const mask = (r: number) => Array.from(b.completionMask.slice(r * T, (r + 1) * T));
    expect([0, 1, 2].map(row)).toEqual([
      [1, 2, 3],
      [1, 4, 5],
      [6, 7, 0],
    ]);
    // KL rows: prompt 0 + completion 2, prompt 1 + completion 0, prompt 2 + completion 1
    expect([3, 4, 5].map(row)).toEqual([
      [1, 2, 7],
      [1, 3, 0],
      [6, 4, 5],
    ]);
    expect(mask(4)).toEqual([0, 1, 0]);
    expect(Array.from(b.labels)).toEqual([1, 0, 1]);
  });

  it('refuses a batch of one example (no mismatched pair)', () => {
    const call = () => collateUnpaired([{ prompt: [1], completion: [2], label: true }]);
    expect(call).toThrow(/at least 2 examples.*--batch-size/);
    expect(() => call()).toThrow(PrefoptError);
  });
});
