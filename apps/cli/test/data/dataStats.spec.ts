import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fixturePath, repoRoot } from '@prefopt/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { runMain } from '../support/runMain';

const bin = resolve(import.meta.dirname, '../../bin/prefopt.mjs');
const dir = mkdtempSync(join(tmpdir(), 'prefopt-data-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (argv: string[]) => runMain(argv, dir);

const lines = (...records: unknown[]) =>
  records.map((r) => (typeof r === 'string' ? r : JSON.stringify(r))).join('\n') + '\n';
const ok = (i: number) => ({ prompt: `p${i}`, chosen: `c${i}`, rejected: `r${i}` });

describe('prefopt data stats', () => {
  writeFileSync(join(dir, 'good.jsonl'), lines(ok(1), ok(2)));
  writeFileSync(
    join(dir, 'broken.jsonl'),
    lines(ok(1), ok(2), '{"prompt": "p3", "chosen": ', ok(4)),
  );
  writeFileSync(
    join(dir, 'typed.jsonl'),
    lines(ok(1), { prompt: 'p', chosen: ['x'], rejected: 'r' }, ok(3)),
  );

  it("renders message data with the tokenizer's chat_template by default (TRL's ids)", async () => {
    // Written by tools/reference/trl_tokenize.py: a GPT-2 style tokenizer with a Qwen-2.5-like
    // ChatML template, and TRL 1.13's ids for this conversation through it.
    const fixtures = join(repoRoot(), 'packages/data/test/fixtures/trl');
    const trl = JSON.parse(readFileSync(join(fixtures, 'trl_ids.json'), 'utf8'));
    const want = trl.styles['byte-level'].chat[0];
    writeFileSync(join(dir, 'chat.jsonl'), lines(trl.chatExamples[0]));
    const stats = async (...extra: string[]) => {
      const r = await run([
        'data',
        'stats',
        '--data',
        'chat.jsonl',
        '--tokenizer',
        join(fixtures, 'tokenizers/byte-level'),
        ...extra,
      ]);
      expect(r.code, r.stderr).toBe(0);
      const s = JSON.parse(r.stdout);
      return [s.promptTokens.total, s.chosenTokens.total, s.rejectedTokens.total];
    };
    const trlLengths = [want.prompt.length, want.chosen.length, want.rejected.length];
    expect(await stats()).toEqual(trlLengths);
    expect(await stats('--chat-template', 'tokenizer')).toEqual(trlLengths);
    // forcing the bundled ChatML: no default system turn, so a shorter prompt
    const [prompt] = await stats('--chat-template', 'chatml');
    expect(prompt).toBeLessThan(want.prompt.length);
  });

  it('prints pairs, skipped and format as JSON (relative paths from the cwd)', async () => {
    const r = await run(['data', 'stats', '--data', 'good.jsonl']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      pairs: 2,
      skipped: 0,
      format: 'standard',
      promptTokens: null,
      chosenTokens: null,
      rejectedTokens: null,
    });
  });

  it('adds token stats with --tokenizer bytes', async () => {
    const r = await run(['data', 'stats', '--data', 'good.jsonl', '--tokenizer', 'bytes']);
    expect(r.code).toBe(0);
    // The byte tokenizer has BOS and EOS: each prompt 'pN' is BOS + 2 bytes = 3 tokens,
    // each completion 'cN' / 'rN' 2 bytes + EOS = 3; two pairs → totals 6, means 3.
    const three = { total: 6, mean: 3, min: 3, max: 3 };
    expect(JSON.parse(r.stdout)).toMatchObject({
      promptTokens: three,
      chosenTokens: three,
      rejectedTokens: three,
    });
  });

  it('stops at a broken line with one line naming it, exit code 2', async () => {
    const r = await run(['data', 'stats', '--data', 'broken.jsonl']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^prefopt: .*broken\.jsonl: line 3: invalid JSON .*--skip-invalid/);
  });

  it('names the line of a record with a wrong type', async () => {
    const r = await run(['data', 'stats', '--data', 'typed.jsonl']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /typed\.jsonl: line 2: field "chosen" must be a string, got an array of 1/,
    );
  });

  it('with --skip-invalid counts the skipped record and says which it was', async () => {
    const r = await run(['data', 'stats', '--data', 'broken.jsonl', '--skip-invalid']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ pairs: 3, skipped: 1 });
    expect(r.stderr).toMatch(
      /^prefopt: skipped 1 invalid record\(s\) in broken\.jsonl: line 3: invalid JSON/,
    );
  });

  it('refuses a missing file, an unknown format and a missing subcommand with exit 2', async () => {
    const missing = await run(['data', 'stats', '--data', 'nope.jsonl']);
    expect([missing.code, missing.stderr]).toEqual([
      2,
      expect.stringMatching(/nope\.jsonl: no such file\. Check the --data path/),
    ]);
    const format = await run(['data', 'stats', '--data', 'good.jsonl', '--format', 'alpaca']);
    expect([format.code, format.stderr]).toEqual([
      2,
      expect.stringMatching(/unknown data format 'alpaca'/),
    ]);
    const sub = await run(['data', '--data', 'good.jsonl']);
    expect([sub.code, sub.stderr]).toEqual([
      2,
      expect.stringMatching(/needs a subcommand: 'prefopt data stats/),
    ]);
  });

  it('as a real process: exit code 2 and one line on stderr, no stack trace', () => {
    const p = spawnSync(
      process.execPath,
      [bin, 'data', 'stats', '--data', join(dir, 'broken.jsonl')],
      { encoding: 'utf8' },
    );
    expect(p.status).toBe(2);
    expect(p.stdout).toBe('');
    expect(p.stderr.trim().split('\n')).toEqual([expect.stringMatching(/line 3: invalid JSON/)]);
  });
});

describe('prefopt data stats on the fixture datasets', () => {
  const hh = fixturePath('hh-rlhf/harmless-base-test-300.jsonl.gz');
  const lf = fixturePath('llama-factory/dpo_en_demo-30.json');
  it('counts 300 pairs in the hh-rlhf fixture and 30 in the LLaMA-Factory one', async () => {
    // Independent counts: `zcat harmless-base-test-300.jsonl.gz | wc -l` = 300 and
    // python3 -c 'import json; print(len(json.load(open("dpo_en_demo-30.json"))))' = 30.
    const a = await run(['data', 'stats', '--data', hh]);
    expect(JSON.parse(a.stdout)).toMatchObject({ pairs: 300, skipped: 0, format: 'hh-rlhf' });
    const b = await run(['data', 'stats', '--data', lf]);
    expect(JSON.parse(b.stdout)).toMatchObject({ pairs: 30, skipped: 0, format: 'sharegpt' });
  });
});
