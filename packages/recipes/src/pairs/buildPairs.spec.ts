import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defineAnnotator } from '@prefopt/core';
import { buildPairs } from './buildPairs';
import { readPrompts } from './readPrompts';
import { selectBestWorst } from './selectBestWorst';

/** 1 when a response mentions a dog (the CLI's contains-word annotator stays with the CLI). */
const mentionsDog = defineAnnotator({
  name: 'mentions-dog',
  description: '1 if the response has the word dog',
  options: {},
  score: (_prompt, responses) => responses.map((r) => (/\bdog\b/i.test(r) ? 1 : 0)),
});

describe('selectBestWorst', () => {
  it('keeps the first best and the last worst', () => {
    expect(selectBestWorst('p', ['a', 'b', 'c', 'd'], [0, 2, 2, 0])).toEqual({
      prompt: 'p',
      chosen: 'b',
      rejected: 'd',
      score_chosen: 2,
      score_rejected: 0,
    });
  });

  it('returns null when the scores carry no preference', () => {
    expect(selectBestWorst('p', ['a', 'b'], [1, 1])).toBeNull();
    expect(selectBestWorst('p', ['a', 'a'], [1, 0])).toBeNull();
    expect(selectBestWorst('p', [], [])).toBeNull();
  });
});

describe('buildPairs', () => {
  it('samples, annotates and keeps best/worst per prompt, counting skipped prompts', async () => {
    const canned: Record<string, string[]> = {
      p1: ['a cat', 'a dog', 'a bird'],
      p2: ['no', 'none'],
      p3: ['dog', 'DOG'],
    };
    const seen: number[] = [];
    const out = await buildPairs({
      prompts: ['p1', 'p2', 'p3'],
      sample: async (p) => canned[p],
      annotator: mentionsDog({}),
      onPrompt: (done) => seen.push(done),
    });
    expect(out.pairs).toEqual([
      { prompt: 'p1', chosen: 'a dog', rejected: 'a bird', score_chosen: 1, score_rejected: 0 },
    ]);
    expect(out.skipped).toBe(2);
    // 3 of 7 samples mention a dog
    expect(out.samples).toBe(7);
    expect(out.meanScore).toBeCloseTo(3 / 7, 12);
    expect(seen).toEqual([1, 2, 3]);
  });
});

describe('readPrompts', () => {
  const dir = mkdtempSync(join(tmpdir(), 'prefopt-prompts-'));
  it('reads .txt lines and .jsonl prompt fields', () => {
    writeFileSync(join(dir, 'a.txt'), 'Once upon a time\n\nThe dog\n');
    writeFileSync(
      join(dir, 'b.jsonl'),
      '{"prompt":"x","chosen":"y","rejected":"z"}\n\n{"prompt":"w"}\n',
    );
    expect(readPrompts(join(dir, 'a.txt'))).toEqual(['Once upon a time', 'The dog']);
    expect(readPrompts(join(dir, 'b.jsonl'))).toEqual(['x', 'w']);
  });

  it('names the file and line of a bad record', () => {
    writeFileSync(join(dir, 'c.jsonl'), '{"prompt":"x"}\n{oops\n');
    writeFileSync(join(dir, 'd.jsonl'), '{"text":"x"}\n');
    expect(() => readPrompts(join(dir, 'c.jsonl'))).toThrow(/c.jsonl line 2: not JSON/);
    expect(() => readPrompts(join(dir, 'd.jsonl'))).toThrow(
      /d.jsonl record 1: needs a non-empty string "prompt"/,
    );
    expect(() => readPrompts(join(dir, 'e.csv'))).toThrow(/cannot read prompts file/);
  });
});
