import * as tf from '@tensorflow/tfjs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { StepMetrics } from '@prefopt/core';
import { useCpuBackend } from '@prefopt/testing';
import { ArrayBatchStream } from '../test-support/ArrayBatchStream';
import { testObjectives } from '../test-support/testObjectives';
import { TinyLM } from '../test-support/TinyLM';
import { tinyPairs } from '../test-support/tinyPairs';
import { Trainer } from './Trainer';

// The Trainer with lever flatAdamW (default) against the plain tfjs optimiser path: the same
// run, step by step, within float32 tolerance, and numTensors flat over the steps.
const PAIRS = tinyPairs(24);

async function run(levers: string, maxGradNorm: number) {
  const saved = process.env.PREFOPT_LEVERS;
  process.env.PREFOPT_LEVERS = levers;
  try {
    const policy = new TinyLM(16, 8, 0);
    const trainer = new Trainer({
      policy,
      objective: testObjectives.simpoLike(),
      train: new ArrayBatchStream(PAIRS, 4, 7),
      schedule: { lr: 0.05, warmupSteps: 1, decay: 'cosine' },
      optimizer: { weightDecay: 0.1 },
      maxGradNorm,
      totalSteps: 10,
    });
    const rows: StepMetrics[] = [];
    const counts: number[] = [];
    trainer.on('step', (m) => {
      rows.push(m);
      counts.push(tf.memory().numTensors);
    });
    await trainer.run();
    const weights = policy.weights().map((w) => Array.from(w));
    trainer.dispose();
    policy.dispose();
    return { rows, counts, weights };
  } finally {
    if (saved === undefined) delete process.env.PREFOPT_LEVERS;
    else process.env.PREFOPT_LEVERS = saved;
  }
}

const close = (a: number, b: number, rel = 1e-4) =>
  expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-6 + rel * Math.abs(b));

describe('Trainer, lever flatAdamW against the plain optimiser', () => {
  beforeAll(useCpuBackend);
  afterEach(() => tf.disposeVariables());

  it.each([
    ['clipping active', 0.05],
    ['clipping inactive', 1e6],
  ])('runs the same 10 steps, %s', async (_, maxGradNorm) => {
    const flat = await run('', maxGradNorm);
    const plain = await run('flatAdamW', maxGradNorm);
    expect(flat.rows).toHaveLength(10);
    flat.rows.forEach((r, i) => {
      close(r.loss, plain.rows[i].loss);
      close(r.grad_norm, plain.rows[i].grad_norm);
    });
    if (maxGradNorm < 1) expect(flat.rows[0].grad_norm).toBeGreaterThan(maxGradNorm); // it bit
    flat.weights.forEach((w, i) => w.forEach((x, k) => close(x, plain.weights[i][k])));
    expect(new Set(flat.counts.slice(1)).size).toBe(1); // numTensors flat from step 2 on
  });
});
