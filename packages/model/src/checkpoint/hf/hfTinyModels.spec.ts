import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { useCpuBackend } from '@prefopt/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../generate/generate';
import { LlamaModel } from '../../llama/LlamaModel';
import { loadModel } from '../../loadModel';

// Tiny random models written by transformers 5.18 itself, with its log-probs and greedy ids:
//   tools/reference/.venv/bin/python tools/reference/hf_tiny_models.py packages/model/test/fixtures/hf-tiny
const FIXTURES = resolve(import.meta.dirname, '../../../test/fixtures/hf-tiny');

interface Expected {
  tokens: number[];
  logprobs: number[];
  prompt: number[];
  greedy: number[];
}
const expected = JSON.parse(readFileSync(join(FIXTURES, 'expected.json'), 'utf8')) as Record<
  string,
  Expected | { refused: string } | string
>;
const accepted = Object.entries(expected).filter(
  (e): e is [string, Expected] => typeof e[1] === 'object' && 'logprobs' in e[1],
);

beforeAll(async () => {
  await useCpuBackend();
});

describe('tiny transformers models: prefopt gives transformers’ log-probs and greedy ids', () => {
  it('covers every config form the script writes', () => {
    expect(accepted.map(([name]) => name).sort()).toEqual([
      'llama-bias',
      'llama-classic',
      'llama-headdim',
      'llama-legacy-llama3',
      'llama-legacy-theta',
      'llama-linear',
      'llama-llama3',
      'llama-theta500k',
      'mistral',
      'qwen2',
    ]);
  });

  it.each(accepted)('%s', async (name, want) => {
    const model = loadModel(join(FIXTURES, name));
    const ids = tf.tensor2d([want.tokens], [1, want.tokens.length], 'int32');
    const logps = tf.tidy(() => model.tokenLogps(ids).arraySync()[0]);
    ids.dispose();
    const worst = Math.max(...logps.map((v, i) => Math.abs(v - want.logprobs[i])));
    expect(worst, `max |Δ log-prob| for ${name}`).toBeLessThan(1e-4);
    const greedy = await generate(model, want.prompt, {
      maxNewTokens: want.greedy.length,
      temperature: 0,
    });
    expect(greedy).toEqual(want.greedy);
    model.dispose();
  });

  // what ignoring each field would do (theta 10000 is what prefopt read before rope_parameters):
  // the check can fail, by far more than its 1e-4
  it.each([
    ['llama-theta500k', { ropeTheta: 10000 }],
    ['llama-linear', { ropeScaling: undefined }],
    ['llama-llama3', { ropeScaling: undefined }],
    ['mistral', { slidingWindow: undefined }],
  ] as const)('%s read without the field is off by > 1e-2', (name, change) => {
    const want = expected[name] as Expected;
    const model = loadModel(join(FIXTURES, name));
    const wrong = new LlamaModel({ ...model.config, ...change }, model.weights);
    const ids = tf.tensor2d([want.tokens], [1, want.tokens.length], 'int32');
    const logps = tf.tidy(() => wrong.tokenLogps(ids).arraySync()[0]);
    ids.dispose();
    const worst = Math.max(...logps.map((v, i) => Math.abs(v - want.logprobs[i])));
    expect(worst).toBeGreaterThan(1e-2);
    model.dispose(); // the weights; `wrong` shares them
  });

  it('a rope_type prefopt does not implement is a checkpoint error naming the field', () => {
    expect(() => loadModel(join(FIXTURES, 'refused-dynamic'))).toThrowError(
      expect.objectContaining({
        kind: 'checkpoint',
        message: expect.stringMatching(
          /config\.json: rope_parameters\.rope_type 'dynamic' is not supported/,
        ),
      }),
    );
  });
});
