import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { nodeAdapter } from '@prefopt/backend-node';
import { createModel, saveModel } from '@prefopt/model';
import {
  fixturePath,
  torchReferenceValues,
  useCpuBackend,
  type Stories260KReference,
} from '@prefopt/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { runMain } from './support/runMain';

const bin = resolve(import.meta.dirname, '../bin/prefopt.mjs');
/** tfjs-node is set up here (npm ci): the greedy parity also runs on it. */
const nodeReady = await nodeAdapter.isAvailable();

// The PyTorch re-implementation of llama2.c (tools/reference/llama2c_reference.py write-fixtures)
const { text: REFERENCE, maxNewTokens } =
  torchReferenceValues<Stories260KReference>('stories260K').generate['Once upon a time'];

describe('prefopt generate (stories260K)', () => {
  const model = fixturePath('stories260K/stories260K.bin');
  const tokenizer = fixturePath('stories260K/tok512.bin');
  const story = ['--model', model, '--tokenizer', tokenizer, '--prompt', 'Once upon a time'];

  it('greedy, 60 new tokens: the text llama2.c prints', async () => {
    const { code, stdout, stderr } = await runMain([
      'generate',
      ...story,
      '--max-new-tokens',
      String(maxNewTokens),
      '--temperature',
      '0',
      '--backend',
      'cpu',
    ]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toBe(`${REFERENCE}\n`);
    expect(
      stdout.startsWith(
        'Once upon a time, there was a little girl named Lily. She loved to play outside in the park.',
      ),
    ).toBe(true);
  });

  it('sampling with a seed repeats itself; another seed changes the text', async () => {
    const sample = (seed: string) =>
      runMain([
        'generate',
        ...story,
        '--backend',
        'cpu',
        '--max-new-tokens',
        '30',
        '--temperature',
        '1',
        '--top-p',
        '0.9',
        '--seed',
        seed,
      ]);
    const a = await sample('7');
    expect((await sample('7')).stdout).toBe(a.stdout);
    expect(a.stdout.startsWith('Once upon a time')).toBe(true);
    const others = [await sample('8'), await sample('9')].map((r) => r.stdout);
    expect(others.some((o) => o !== a.stdout)).toBe(true);
  });

  it.skipIf(!nodeReady)('greedy, 60 new tokens on node (tfjs-node): the same text', async () => {
    const { code, stdout } = await runMain([
      'generate',
      ...story,
      '--max-new-tokens',
      String(maxNewTokens),
      '--temperature',
      '0',
      '--backend',
      'node',
    ]);
    expect(code).toBe(0);
    expect(stdout).toBe(`${REFERENCE}\n`);
  });

  it('as a real process (bin/prefopt.mjs, default backend)', () => {
    const r = spawnSync(
      process.execPath,
      [bin, 'generate', ...story, '--max-new-tokens', String(maxNewTokens), '--temperature', '0'],
      { encoding: 'utf8' },
    );
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`${REFERENCE}\n`);
  });
});

describe('prefopt generate (small saved model, byte tokenizer)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'prefopt-generate-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints prompt + continuation; a tokenizer larger than the model fails before compute', async () => {
    await useCpuBackend();
    const config = { dim: 8, hiddenDim: 16, layers: 1, heads: 2, kvHeads: 1, seqLen: 32 };
    await saveModel(createModel({ ...config, vocab: 259 }, { seed: 1 }), join(dir, 'fits'));
    await saveModel(createModel({ ...config, vocab: 200 }, { seed: 1 }), join(dir, 'small'));
    const argv = [
      '--tokenizer',
      'bytes',
      '--prompt',
      'ab',
      '--max-new-tokens',
      '3',
      '--backend',
      'cpu',
    ];
    const ok = await runMain(['generate', '--model', join(dir, 'fits'), ...argv]);
    expect(ok.code).toBe(0);
    expect(ok.stdout.startsWith('ab')).toBe(true);
    const bad = await runMain(['generate', '--model', join(dir, 'small'), ...argv]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe(
      "prefopt: the bytes tokenizer has 259 tokens but the model's vocabulary is 200; pass the tokenizer the model was trained with (--tokenizer).\n",
    );
  });
});

describe('prefopt generate (errors)', () => {
  it('a missing model is a checkpoint error, exit 2', async () => {
    const { code, stderr } = await runMain([
      'generate',
      '--model',
      '/nonexistent/m.bin',
      '--tokenizer',
      'bytes',
      '--prompt',
      'x',
      '--backend',
      'cpu',
    ]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/model \/nonexistent\/m\.bin not found/);
  });

  it('a bad --top-p names the flag', async () => {
    const { code, stderr } = await runMain([
      'generate',
      '--model',
      'm.bin',
      '--prompt',
      'x',
      '--top-p',
      '1.5',
      '--backend',
      'cpu',
    ]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/--top-p must be a number >= 0 <= 1, got '1.5'/);
  });
});
