import { nodeAdapter } from '@prefopt/backend-node';
import { fixturePath, torchReferenceValues, type Stories260KReference } from '@prefopt/testing';
import { expect, it, describe } from 'vitest';
import { runMain } from './support/runMain';

describe('prefopt score (stories260K)', () => {
  const model = fixturePath('stories260K/stories260K.bin');
  const tokenizer = fixturePath('stories260K/tok512.bin');
  const score = (text: string, backend: string) =>
    runMain([
      'score',
      '--model',
      model,
      '--tokenizer',
      tokenizer,
      '--text',
      text,
      '--backend',
      backend,
    ]);

  it('prints {tokens, logprobs} equal to the PyTorch llama2.c reference within 1e-4 (cpu, wasm, node where set up)', async () => {
    // tools/reference/llama2c_reference.py write-fixtures (fixtures/reference/torch-values.json)
    const reference =
      torchReferenceValues<Stories260KReference>('stories260K').score[
        'Lily and Ben went to the park. They saw a dog.'
      ];
    expect(reference.logprobs).toHaveLength(18);
    const node = (await nodeAdapter.isAvailable()) ? ['node'] : [];
    if (!node.length)
      console.log('[info] score parity: tfjs-node not set up here, checked cpu and wasm.');
    for (const backend of ['cpu', 'wasm', ...node]) {
      const text = 'Lily and Ben went to the park. They saw a dog.';
      const { code, stdout } = await score(text, backend);
      expect(code).toBe(0);
      const got = JSON.parse(stdout) as { tokens: number[]; logprobs: number[] };
      expect(Object.keys(got)).toEqual(['tokens', 'logprobs']);
      expect(got.tokens).toEqual(reference.tokens);
      expect(got.logprobs).toHaveLength(reference.tokens.length - 1);
      got.logprobs.forEach((v, i) =>
        expect(Math.abs(v - reference.logprobs[i])).toBeLessThan(1e-4),
      );
    }
  });

  it('a text longer than the model’s context is an input error (exit 2)', async () => {
    const text = 'Lily and Ben went to the park. '.repeat(80);
    const { code, stderr } = await score(text, 'cpu');
    expect(code).toBe(2);
    expect(stderr).toMatch(/--text has \d+ tokens; the model's seqLen is 512/);
  });
});
