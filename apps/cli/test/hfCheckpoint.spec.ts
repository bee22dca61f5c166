import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadModel, saveModel } from '@prefopt/model';
import { describeIfPython, useCpuBackend } from '@prefopt/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { runMain } from './support/runMain';

// tiny models written by transformers: tools/reference/hf_tiny_models.py
const FIXTURES = resolve(import.meta.dirname, '../../../packages/model/test/fixtures/hf-tiny');
const OPEN = resolve(import.meta.dirname, '../../../tools/reference/open_checkpoint.py');
const TOKENIZER = join(FIXTURES, 'llama-classic', 'tokenizer.json');
const TEXT = 'the cat is on the mat, and it is there.';

beforeAll(async () => {
  await useCpuBackend();
});

interface Score {
  tokens: number[];
  logprobs: number[];
}
const score = async (model: string, extra: string[] = []) => {
  const r = await runMain([
    'score',
    '--model',
    model,
    '--text',
    TEXT,
    '--backend',
    'cpu',
    ...extra,
  ]);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Score;
};

describe('prefopt score on Hugging Face folders', () => {
  it('a config prefopt refuses: exit 2 and one line naming the field', async () => {
    const refused = join(FIXTURES, 'refused-dynamic');
    const r = await runMain([
      'score',
      '--model',
      refused,
      '--tokenizer',
      TOKENIZER,
      '--text',
      TEXT,
      '--backend',
      'cpu',
    ]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(
      /refused-dynamic\/config\.json: rope_parameters\.rope_type 'dynamic' is not supported; prefopt implements RoPE types default, linear and llama3/,
    );
  });

  it('a folder with tokenizer.json needs no --tokenizer', async () => {
    const withFlag = await score(join(FIXTURES, 'llama-classic'), ['--tokenizer', TOKENIZER]);
    expect(await score(join(FIXTURES, 'llama-classic'))).toEqual(withFlag);
  });
});

/**
 * transformers opens `dir` (model + tokenizer, no other path) and scores TEXT, or the token
 * ids `ids` when given; stderr must be empty.
 */
function openInTransformers(python: string, dir: string, ids?: number[]) {
  const r = spawnSync(python, [OPEN, dir, ids ? JSON.stringify(ids) : TEXT], {
    encoding: 'utf8',
    env: { ...process.env, HF_HUB_OFFLINE: '1', TRANSFORMERS_OFFLINE: '1' },
    timeout: 300_000,
  });
  expect(r.status, r.stderr).toBe(0);
  expect(r.stderr, 'transformers warned').toBe('');
  return JSON.parse(r.stdout) as Score & Record<string, unknown>;
}

function expectSameScores(ours: Score, theirs: Score) {
  expect(theirs.tokens).toEqual(ours.tokens);
  const worst = Math.max(...ours.logprobs.map((v, i) => Math.abs(v - theirs.logprobs[i])));
  expect(worst).toBeLessThan(1e-4);
}

describeIfPython(
  'prefopt checkpoints open in transformers',
  ['torch', 'transformers'],
  (python) => {
    it('a checkpoint of prefopt train: AutoModelForCausalLM + AutoTokenizer on the folder, the source’s special tokens, equal log-probs', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'prefopt-hfckpt-'));
      const rows = [
        { prompt: 'the cat is ', chosen: 'on the mat.', rejected: 'in the hat!' },
        { prompt: 'a dog ran ', chosen: 'to the park.', rejected: 'at it.' },
        { prompt: 'she said ', chosen: 'hello there.', rejected: 'no!' },
        { prompt: 'it is ', chosen: 'good.', rejected: 'bad?' },
      ];
      writeFileSync(join(dir, 'pairs.jsonl'), rows.map((r) => `${JSON.stringify(r)}\n`).join(''));
      const train = await runMain(
        [
          'train',
          '--model',
          join(FIXTURES, 'llama-classic'),
          '--data',
          'pairs.jsonl',
          '--objective',
          'dpo',
          '--lr',
          '0.01',
          '--max-steps',
          '2',
          '--batch-size',
          '2',
          '--max-length',
          '48',
          '--backend',
          'cpu',
          '--out',
          'run',
        ],
        dir,
      );
      expect(train.code, train.stderr).toBe(0);
      const ckpt = join(dir, 'run', 'checkpoint-2');
      const ours = await score(ckpt); // no --tokenizer: the checkpoint has it
      expect(ours).not.toEqual(await score(join(FIXTURES, 'llama-classic'))); // it trained
      const theirs = openInTransformers(python, ckpt);
      expectSameScores(ours, theirs);
      const specials = { bos: 5, eos: 7, pad: 0 }; // the source model's, not llama2.c's 1 / 2
      expect(theirs.config).toEqual(specials);
      expect(theirs.generation).toEqual(specials);
      expect(theirs.tokenizer).toEqual(specials);
      expect(theirs.class).toBe('LlamaForCausalLM');
    });

    it.each([
      ['qwen2', 'Qwen2ForCausalLM'],
      ['mistral', 'MistralForCausalLM'],
      ['llama-bias', 'LlamaForCausalLM'],
      ['llama-headdim', 'LlamaForCausalLM'],
      ['llama-legacy-llama3', 'LlamaForCausalLM'],
    ])('%s saved by prefopt opens as %s with equal log-probs', async (name, cls) => {
      const out = join(mkdtempSync(join(tmpdir(), 'prefopt-hfckpt-')), name);
      const model = loadModel(join(FIXTURES, name));
      await saveModel(model, out, { tokenizer: TOKENIZER });
      model.dispose();
      // ids, not text: AutoTokenizer treats the same tokenizer.json differently per model_type
      const ours = await score(out);
      const theirs = openInTransformers(python, out, ours.tokens);
      expect(theirs.class).toBe(cls);
      expectSameScores(ours, theirs);
    });
  },
);
