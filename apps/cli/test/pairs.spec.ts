import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createModel, saveModel } from '@prefopt/model';
import { fixturePath, useCpuBackend } from '@prefopt/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { containsWord } from '../src/pairs/annotators/containsWord';
import { regexMatch } from '../src/pairs/annotators/regexMatch';
import type { ScoredPair } from '@prefopt/recipes';
import { runMain as run } from './support/runMain';

const readPairs = (file: string): ScoredPair[] =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as ScoredPair);

describe('prefopt pairs (a fresh byte-level model)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'prefopt-pairs-'));
  beforeAll(async () => {
    await useCpuBackend();
    const model = createModel(
      { dim: 16, hiddenDim: 32, layers: 1, heads: 2, kvHeads: 2, vocab: 259, seqLen: 64 },
      { seed: 3 },
    );
    await saveModel(model, join(dir, 'model'));
    model.dispose();
    writeFileSync(join(dir, 'prompts.txt'), 'The cat\nA dog\nOnce\nHello\n');
  });

  it('samples k, keeps best/worst by the annotator and writes TRL JSONL', async () => {
    const out = join(dir, 'pairs.jsonl');
    const argv = [
      'pairs',
      '--model',
      join(dir, 'model'),
      '--tokenizer',
      'bytes',
      '--prompts',
      join(dir, 'prompts.txt'),
      '--annotator',
      'regex',
      '--annotator-options',
      '{"pattern":"[aeiou]"}',
      '--k',
      '6',
      '--max-new-tokens',
      '6',
      '--backend',
      'cpu',
      '--out',
      out,
    ];
    const r = await run(argv);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as {
      prompts: number;
      pairs: number;
      skipped: number;
      samples: number;
    };
    expect(report.prompts).toBe(4);
    expect(report.samples).toBe(24);
    expect(report.pairs + report.skipped).toBe(4);
    const pairs = readPairs(out);
    expect(pairs).toHaveLength(report.pairs);
    const rule = regexMatch({ pattern: '[aeiou]' });
    for (const p of pairs) {
      expect(['The cat', 'A dog', 'Once', 'Hello']).toContain(p.prompt);
      // the annotator, run again on the written texts, gives the written scores
      expect(await rule.score(p.prompt, [p.chosen, p.rejected])).toEqual([
        p.score_chosen,
        p.score_rejected,
      ]);
      expect(p.score_chosen).toBeGreaterThan(p.score_rejected);
    }
    // same seed, same pairs
    const again = join(dir, 'again.jsonl');
    expect((await run([...argv.slice(0, -1), again])).code).toBe(0);
    expect(readFileSync(again, 'utf8')).toBe(readFileSync(out, 'utf8'));
  }, 60_000);

  it('names an unknown annotator and a greedy temperature', async () => {
    const base = [
      'pairs',
      '--model',
      join(dir, 'model'),
      '--tokenizer',
      'bytes',
      '--prompts',
      join(dir, 'prompts.txt'),
      '--out',
      join(dir, 'x.jsonl'),
    ];
    const a = await run([...base, '--annotator', 'reward-model']);
    expect(a.code).toBe(2);
    expect(a.stderr).toMatch(
      /unknown annotator 'reward-model'. Available: contains-word, regex, bigger-number\./,
    );
    const b = await run([
      ...base,
      '--annotator',
      'contains-word',
      '--annotator-options',
      '{"word":"dog"}',
      '--temperature',
      '0',
    ]);
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/--temperature 0 is greedy/);
  });
});

describe('prefopt pairs on stories260K, rule "mentions a dog"', () => {
  const model = fixturePath('stories260K/stories260K.bin');
  const tokenizer = fixturePath('stories260K/tok512.bin');
  it('keeps a dog-mentioning sample as chosen and a dog-free one as rejected', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'prefopt-pairs-260k-'));
    writeFileSync(
      join(dir, 'prompts.txt'),
      'Once upon a time, there was a\nTom and his\nOne day, a little\n',
    );
    const out = join(dir, 'pairs.jsonl');
    const r = await run([
      'pairs',
      '--model',
      model,
      '--tokenizer',
      tokenizer,
      '--prompts',
      join(dir, 'prompts.txt'),
      '--annotator',
      'contains-word',
      '--annotator-options',
      '{"word":"dog"}',
      '--k',
      '8',
      '--max-new-tokens',
      '40',
      '--temperature',
      '1',
      '--seed',
      '7',
      '--backend',
      'cpu',
      '--out',
      out,
    ]);
    expect(r.code, r.stderr).toBe(0);
    const rule = containsWord({ word: 'dog' });
    const pairs = readPairs(out);
    for (const p of pairs) {
      expect(await rule.score(p.prompt, [p.chosen, p.rejected])).toEqual([1, 0]);
      expect(p.chosen.length).toBeGreaterThan(0);
    }
    const report = JSON.parse(r.stdout) as { pairs: number; skipped: number; meanScore: number };
    expect(report.pairs + report.skipped).toBe(3);
    expect(report.meanScore).toBeGreaterThanOrEqual(0);
  }, 120_000);
});
