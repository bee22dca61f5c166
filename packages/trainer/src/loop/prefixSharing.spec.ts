import { nodeAdapter } from '@prefopt/backend-node';
import type { PreferenceBatch } from '@prefopt/core';
import { createModel, type LlamaModel } from '@prefopt/model';
import { useCpuBackend } from '@prefopt/testing';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { frozenCopy } from '../reference/frozenCopy';
import { ModelReference } from '../reference/ModelReference';
import { contractObjectives } from '../test-support/contractObjectives';
import { testObjectives } from '../test-support/testObjectives';
import { microStep } from './microStep';
import type { AnyObjective } from './objectiveForward';

// The trainer's step with prompt-prefix sharing and completion-only logits (the model's
// pair forward, levers on: the default) against the same step with every lever off
// (PREFOPT_LEVERS=none: the plain forward over all 2B rows): same loss, metrics and
// gradient of every weight, for a reference-free objective, one with an online reference
// (whose forward shares too), one with per-token needs (policy and reference tokens) and
// one that needs logit statistics (which takes the unshared logits path); on cpu, and on
// tfjs-node where it is set up.

const nodeReady = await nodeAdapter.isAvailable();
if (!nodeReady)
  console.log(
    '[skip] prefix sharing on node: @tensorflow/tfjs-node is not set up here (npm ci does it: docs/backends.md).',
  );

const CONFIG = { dim: 16, hiddenDim: 24, layers: 2, heads: 4, kvHeads: 2, vocab: 16, seqLen: 16 };

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

// prompts of 6, 9 and 4 tokens, completions of different lengths
const BATCH = pairBatch(
  [
    { prompt: [1, 7, 3, 9, 4, 2], chosen: [5, 6, 2], rejected: [8, 11] },
    { prompt: [1, 2, 12, 13, 14, 15, 3, 4, 8], chosen: [6, 6, 6, 9], rejected: [10] },
    { prompt: [1, 9, 5, 3], chosen: [2, 4, 5, 6, 7], rejected: [4, 9, 9] },
  ],
  16,
);

/** Random weights of `model` (std 0.4, norms around 1), so attention is far from uniform. */
function randomize(model: LlamaModel, seed: number): void {
  model.trainableVariables.forEach((v, i) => {
    const w = tf.tidy(() => {
      const noise = tf.randomNormal(v.shape, 0, 0.4, 'float32', seed + i);
      return v.shape.length === 1 ? tf.add(noise, 1) : noise;
    });
    v.assign(w);
    w.dispose();
  });
}

function withLevers<T>(value: string | undefined, f: () => Promise<T>): Promise<T> {
  const before = process.env.PREFOPT_LEVERS;
  if (value === undefined) delete process.env.PREFOPT_LEVERS;
  else process.env.PREFOPT_LEVERS = value;
  return f().finally(() => {
    if (before === undefined) delete process.env.PREFOPT_LEVERS;
    else process.env.PREFOPT_LEVERS = before;
  });
}

async function step(policy: LlamaModel, objective: AnyObjective, reference?: ModelReference) {
  const { grads, stats } = await microStep(policy, objective, BATCH, reference);
  const out = { stats, grads: grads.map((g) => Array.from(g.dataSync())) };
  tf.dispose(grads);
  return out;
}

function expectClose(got: number[], want: number[], tol: number, what: string) {
  const scale = Math.max(1e-3, ...want.map(Math.abs));
  got.forEach((g, i) => expect(Math.abs(g - want[i]) / scale, `${what}[${i}]`).toBeLessThan(tol));
}

const OBJECTIVES: [string, AnyObjective, boolean][] = [
  ['simpo-like (reference-free)', testObjectives.simpoLike({}), false],
  ['dpo-like (online reference)', testObjectives.dpoLike({ beta: 0.5 }), true],
  ['token-dpo-like (per-token policy and reference)', contractObjectives.tokenDpoLike({}), true],
  [
    'squared-mass-weighted (logit statistics: unshared path)',
    contractObjectives.squaredMassWeighted({}),
    false,
  ],
];

function suite(backend: string, activate: () => Promise<unknown>) {
  describe(`the trainer's step with the pair-forward levers on ${backend}`, () => {
    beforeAll(activate);

    for (const [name, objective, needsRef] of OBJECTIVES) {
      it(`equals the plain step: ${name}`, async () => {
        const policy = createModel(CONFIG, { seed: 1 });
        randomize(policy, 20);
        const frozen = needsRef ? frozenCopy(policy) : undefined;
        if (frozen) randomize(policy, 40); // the reference differs from the policy
        const reference = frozen && new ModelReference(frozen);
        const before = tf.memory().numTensors;
        const shared = await withLevers(undefined, () => step(policy, objective, reference));
        expect(tf.memory().numTensors).toBe(before);
        const plain = await withLevers('none', () => step(policy, objective, reference));
        expect(shared.stats.loss).toBeCloseTo(plain.stats.loss, 5);
        expect(Math.abs(shared.stats.loss)).toBeGreaterThan(1e-3);
        for (const key of Object.keys(plain.stats) as (keyof typeof plain.stats)[]) {
          const [a, b] = [shared.stats[key], plain.stats[key]] as number[];
          expect(Math.abs(a - b), String(key)).toBeLessThan(1e-4 * Math.max(1, Math.abs(b)));
        }
        plain.grads.forEach((g, i) => expectClose(shared.grads[i], g, 2e-5, `grad ${i}`));
        expect(Math.max(...plain.grads.flat().map(Math.abs))).toBeGreaterThan(1e-3);
        frozen?.dispose();
        policy.dispose();
      });
    }
  });
}

suite('cpu', useCpuBackend);
if (nodeReady)
  suite('node (tfjs-node)', async () => {
    await nodeAdapter.activate({ threads: 1 });
    expect(tf.getBackend()).toBe('tensorflow');
  });
