import * as tf from '@tensorflow/tfjs';
import type { PreferenceBatch } from '@prefopt/core';
import { fixturePath, useCpuBackend } from '@prefopt/testing';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createModel } from '../createModel';
import { loadModel } from '../loadModel';
import type { LlamaModel } from './LlamaModel';
import { completionSpan, sharedPrefixLength } from './sharedPrefix';

// Prompt-prefix sharing and completion-only logits (pairForward.ts) against the plain
// forward: `tokenLogps` over all 2B rows (an independent code path) and the same methods
// with both levers off (PREFOPT_LEVERS=none).

/** A right-padded pair batch: per pair a prompt, a chosen and a rejected completion (pad 0). */
function pairBatch(pairs: { prompt: number[]; chosen: number[]; rejected: number[] }[], t: number) {
  const b = pairs.length;
  const inputIds = new Int32Array(2 * b * t);
  const completionMask = new Float32Array(2 * b * t);
  const put = (row: number, prompt: number[], completion: number[]) => {
    [...prompt, ...completion].forEach((id, j) => (inputIds[row * t + j] = id));
    completion.forEach((_, j) => (completionMask[row * t + prompt.length + j] = 1));
  };
  pairs.forEach((p, r) => (put(r, p.prompt, p.chosen), put(r + b, p.prompt, p.rejected)));
  return { size: b, seqLen: t, inputIds, completionMask } as PreferenceBatch;
}

// prompts of 5, 8 and 3 tokens; completions of different lengths; pair 2's completions
// share their first token (not part of the shared prefix: pair 1 differs at position 3)
const BATCH = pairBatch(
  [
    { prompt: [1, 7, 3, 9, 4], chosen: [5, 6, 2], rejected: [8, 11] },
    { prompt: [1, 2, 12, 13, 14, 15, 3, 4], chosen: [6, 6, 6, 9], rejected: [10] },
    { prompt: [1, 9, 5], chosen: [2, 4, 5, 6, 7], rejected: [2, 9, 9] },
  ],
  16,
);
// every pair's completions start alike: the shared prefix reaches into the completions
const LONG_SHARE = pairBatch(
  [
    { prompt: [1, 4, 4, 4, 2, 3], chosen: [7, 7, 1, 2], rejected: [7, 7, 3] },
    { prompt: [1, 5, 6, 7, 8, 9, 10], chosen: [3, 3, 8], rejected: [3, 3, 9, 9] },
  ],
  14,
);
// an unpaired batch's layout: row r + B (a KL row) is another prompt — nothing shared
const NO_SHARE = pairBatch(
  [
    { prompt: [1, 2, 3], chosen: [4, 5], rejected: [4, 5] },
    { prompt: [3, 2, 1], chosen: [6], rejected: [7] },
  ],
  8,
);
NO_SHARE.inputIds[2 * 8] = 9; // first rejected row starts with another token

const CONFIG = { dim: 16, hiddenDim: 24, layers: 2, heads: 4, kvHeads: 2, vocab: 16, seqLen: 16 };

/** A small random Llama with weights large enough that attention is far from uniform. */
function randomLlama(extra: object = {}): LlamaModel {
  const model = createModel({ ...CONFIG, ...extra }, { seed: 4 });
  model.trainableVariables.forEach((v, i) =>
    v.assign(
      tf.tidy(() => {
        const noise = tf.randomNormal(v.shape, 0, 0.4, 'float32', 11 + i);
        return v.shape.length === 1 ? tf.add(noise, 1) : noise; // norms around 1
      }),
    ),
  );
  return model;
}

function withLevers<T>(value: string | undefined, f: () => T): T {
  const before = process.env.PREFOPT_LEVERS;
  if (value === undefined) delete process.env.PREFOPT_LEVERS;
  else process.env.PREFOPT_LEVERS = value;
  try {
    return f();
  } finally {
    if (before === undefined) delete process.env.PREFOPT_LEVERS;
    else process.env.PREFOPT_LEVERS = before;
  }
}

/** Σ completion log-probs per row from the plain `tokenLogps` of the 2B rows: [2B]. */
function plainSums(model: LlamaModel, batch: PreferenceBatch): number[] {
  const { size: b, seqLen: t } = batch;
  return tf.tidy(() => {
    const ids = tf.tensor2d(batch.inputIds, [2 * b, t], 'int32');
    const mask = tf.slice(tf.tensor2d(batch.completionMask, [2 * b, t]), [0, 1], [2 * b, t - 1]);
    return Array.from(tf.sum(tf.mul(model.tokenLogps(ids), mask), 1).dataSync());
  });
}

function sums(model: LlamaModel, batch: PreferenceBatch): number[] {
  return tf.tidy(() => {
    const { logps } = model.sequenceLogps(batch);
    return Array.from(tf.concat([logps.chosen, logps.rejected]).dataSync());
  });
}

/** A DPO-like loss of the pair (weights of both signs) and every weight's gradient. */
function lossAndGrads(model: LlamaModel, batch: PreferenceBatch, perToken: boolean) {
  const vars = model.trainableVariables as tf.Variable[];
  const { value, grads } = tf.variableGrads(() => {
    if (perToken) {
      const tokens = model.pairTokenLogps(batch); // [2B, T−1]
      const w = tf.randomNormal(tokens.shape, 0, 1, 'float32', 5);
      return tf.sum(tf.mul(tokens, w)) as tf.Scalar;
    }
    const { logps } = model.sequenceLogps(batch);
    const margin = tf.mul(tf.sub(logps.chosen, logps.rejected), 0.3); // [B]
    return tf.mean(tf.softplus(tf.neg(margin))) as tf.Scalar; // −log σ(margin)
  }, vars);
  const out = {
    loss: value.dataSync()[0],
    grads: vars.map((v) => Array.from(grads[v.name].dataSync())),
  };
  tf.dispose([value, ...Object.values(grads)]);
  return out;
}

function expectClose(got: number[], want: number[], tol: number, what: string) {
  expect(got.length, what).toBe(want.length);
  const scale = Math.max(1e-3, ...want.map(Math.abs));
  got.forEach((g, i) => expect(Math.abs(g - want[i]) / scale, `${what}[${i}]`).toBeLessThan(tol));
}

describe('prompt-prefix sharing (pairTargetLogps)', () => {
  beforeAll(useCpuBackend);
  afterEach(() => expect(process.env.PREFOPT_LEVERS).toBeUndefined());

  it('finds the shared prefix and the completion span by hand', () => {
    expect(sharedPrefixLength(BATCH)).toBe(4); // pair 3: 3-token prompt + completions' shared 2
    expect(completionSpan(BATCH)).toEqual({ from: 3, to: 11 }); // pair 3 starts at 3, pair 2 ends at 11
    expect(sharedPrefixLength(LONG_SHARE)).toBe(8); // 6-token prompt + [7, 7]
    expect(sharedPrefixLength(NO_SHARE)).toBe(0);
  });

  for (const [name, batch] of [
    ['prompts of different lengths', BATCH],
    ['a prefix reaching into the completions', LONG_SHARE],
    ['rows that share nothing', NO_SHARE],
  ] as const) {
    it(`gives the plain forward's log-probs, loss and gradients: ${name}`, () => {
      const model = randomLlama();
      const want = plainSums(model, batch);
      expectClose(sums(model, batch), want, 2e-6, 'shared');
      expectClose(
        withLevers('none', () => sums(model, batch)),
        want,
        2e-6,
        'levers off',
      );
      expectClose(
        withLevers('prefix-sharing', () => sums(model, batch)),
        want,
        2e-6,
        'no share',
      );
      for (const perToken of [false, true]) {
        const before = tf.memory().numTensors;
        const shared = lossAndGrads(model, batch, perToken);
        expect(tf.memory().numTensors).toBe(before);
        const plain = withLevers('none', () => lossAndGrads(model, batch, perToken));
        expect(Math.abs(shared.loss - plain.loss)).toBeLessThan(1e-5 * Math.abs(plain.loss) + 1e-6);
        plain.grads.forEach((g, i) => expectClose(shared.grads[i], g, 2e-5, `grad ${i}`));
      }
      // per-token log-probs on every position, prompt and padding included
      const ids = tf.tensor2d(batch.inputIds, [2 * batch.size, batch.seqLen], 'int32');
      const plainTokens = tf.tidy(() => Array.from(model.tokenLogps(ids).dataSync()));
      const pair = model.pairTokenLogps(batch);
      expectClose(Array.from(pair.dataSync()), plainTokens, 2e-6, 'tokens');
      tf.dispose([ids, pair]);
      model.dispose();
    });
  }

  it('stays exact with biases, a sliding window and an untied head', () => {
    const model = randomLlama({
      qkvBias: true,
      outBias: true,
      slidingWindow: 4,
      sharedClassifier: false,
    });
    expectClose(sums(model, BATCH), plainSums(model, BATCH), 2e-6, 'windowed');
    const shared = lossAndGrads(model, BATCH, false);
    const plain = withLevers('none', () => lossAndGrads(model, BATCH, false));
    plain.grads.forEach((g, i) => expectClose(shared.grads[i], g, 2e-5, `grad ${i}`));
    model.dispose();
  });

  it('stays exact on the stories260K checkpoint', () => {
    const model = loadModel(fixturePath('stories260K/stories260K.bin'));
    const batch = pairBatch(
      [
        { prompt: [1, 403, 261, 378, 306], chosen: [270, 289, 300], rejected: [281, 13] },
        { prompt: [1, 67, 312], chosen: [297, 290, 330, 13], rejected: [290] },
      ],
      12,
    );
    expectClose(sums(model, batch), plainSums(model, batch), 2e-6, 'stories260K');
    const before = tf.memory().numTensors;
    const shared = lossAndGrads(model, batch, false);
    expect(tf.memory().numTensors).toBe(before);
    const plain = withLevers('none', () => lossAndGrads(model, batch, false));
    expect(Math.abs(shared.loss - plain.loss)).toBeLessThan(1e-5 * Math.abs(plain.loss));
    plain.grads.forEach((g, i) => expectClose(shared.grads[i], g, 2e-5, `grad ${i}`));
    model.dispose();
  });
});
