import { nodeAdapter } from '@prefopt/backend-node';
import { fixturePath } from '@prefopt/testing';
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
    // /usr/bin/python3 tools/reference/llama2c_reference.py score ../shared/models/stories260K/stories260K.bin \
    //   ../shared/models/stories260K/tok512.bin "Lily and Ben went to the park. They saw a dog."
    const reference = {
      tokens: [
        1, 317, 269, 368, 302, 263, 377, 267, 265, 282, 295, 433, 426, 342, 394, 261, 400, 428, 426,
      ],
      logprobs: [
        -4.498090172240633, -0.8548919769363696, -1.6283294572781466, -0.018451513439138253,
        -3.5967336379580406, -0.023968417069537593, -0.6556641923483987, -0.1544562697364784,
        -0.45841522289268943, -0.012301318600553083, -0.0026338282194801024, -0.5144401916808187,
        -0.14364854881824268, -0.30994474469021577, -0.0607674366689558, -5.461468594919362,
        -0.09010533802009364, -3.3580053156317575,
      ],
    };
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
