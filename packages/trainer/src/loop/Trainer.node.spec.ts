import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nodeAdapter } from '@prefopt/backend-node';
import type { StepMetrics } from '@prefopt/core';
import { createModel, loadModel, saveModel, type LlamaModel } from '@prefopt/model';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { CheckpointStore } from '../checkpoint/CheckpointStore';
import { PairBatchStream } from '@prefopt/data';
import { frozenCopy } from '../reference/frozenCopy';
import { ModelReference } from '../reference/ModelReference';
import { testObjectives } from '../test-support/testObjectives';
import { tinyPairs } from '../test-support/tinyPairs';
import { Trainer } from './Trainer';
import type { TrainerOptions } from './TrainerOptions';

// The trainer on tfjs-node ('tensorflow', libtensorflow): determinism and resume exactness
// as on cpu (Trainer.spec.ts, Trainer.llama.spec.ts) and wasm (Trainer.wasm.spec.ts).
const ready = await nodeAdapter.isAvailable();
if (!ready)
  console.log(
    '[skip] Trainer on node: @tensorflow/tfjs-node is not set up here (npm ci does it: docs/backends.md).',
  );

const CONFIG = { dim: 16, hiddenDim: 32, layers: 2, heads: 2, kvHeads: 1, vocab: 16, seqLen: 16 };

function options(policy: LlamaModel, extra: Partial<TrainerOptions> = {}): TrainerOptions {
  return {
    policy,
    objective: testObjectives.dpoLike({ beta: 0.5 }),
    train: new PairBatchStream(tinyPairs(20), { batchSize: 4, seed: 3 }),
    reference: () => new ModelReference(frozenCopy(policy)),
    schedule: { lr: 0.01, warmupSteps: 2, decay: 'cosine' },
    totalSteps: 6,
    gradAccum: 2,
    ...extra,
  };
}

function collect(trainer: Trainer): StepMetrics[] {
  const rows: StepMetrics[] = [];
  trainer.on('step', (m) => rows.push(m));
  return rows;
}

const weightsOf = (m: LlamaModel) => m.trainableVariables.map((v) => Array.from(v.dataSync()));

describe.skipIf(!ready)('Trainer on the node backend (tfjs-node)', () => {
  beforeAll(async () => {
    await nodeAdapter.activate({ threads: 1 });
    expect(tf.getBackend()).toBe('tensorflow');
  });

  it('two runs with the same seed give bit-identical losses, gradient norms and weights', async () => {
    const runs: { metrics: number[]; weights: number[][] }[] = [];
    for (let i = 0; i < 2; i++) {
      const policy = createModel(CONFIG, { seed: 0 });
      const trainer = new Trainer(options(policy));
      const rows = collect(trainer);
      await trainer.run();
      runs.push({
        metrics: rows.flatMap((m) => [m.loss, m.grad_norm]),
        weights: weightsOf(policy),
      });
      trainer.dispose();
      policy.dispose();
    }
    expect(runs[0].metrics).toHaveLength(12);
    expect(runs[0].metrics.every(Number.isFinite)).toBe(true);
    expect(runs[1].metrics).toEqual(runs[0].metrics);
    expect(runs[1].weights).toEqual(runs[0].weights);
  });

  it('resumes from a mid-run checkpoint to the uninterrupted losses and weights, bit for bit', async () => {
    const out = mkdtempSync(join(tmpdir(), 'prefopt-node-resume-'));
    try {
      const a = createModel(CONFIG, { seed: 5 });
      const ta = new Trainer(
        options(a, {
          checkpoints: new CheckpointStore(out, (dir) => saveModel(a, dir)),
          saveEvery: 3,
        }),
      );
      const counts: number[] = [];
      ta.on('step', () => counts.push(tf.memory().numTensors));
      const rowsA = collect(ta);
      await ta.run();
      expect(new Set(counts).size).toBe(1);

      const ckpt = CheckpointStore.read(join(out, 'checkpoint-3'));
      const original = createModel(CONFIG, { seed: 5 });
      const b = loadModel(ckpt.dir);
      const tb = new Trainer(
        options(b, { resume: ckpt, reference: () => new ModelReference(frozenCopy(original)) }),
      );
      const rowsB = collect(tb);
      await tb.run();
      expect(rowsB.map((r) => r.step)).toEqual([4, 5, 6]);
      expect(rowsB.map((r) => r.loss)).toEqual(rowsA.slice(3).map((r) => r.loss));
      expect(weightsOf(b)).toEqual(weightsOf(a));
      [ta, tb].forEach((t) => t.dispose());
      [a, b, original].forEach((m) => m.dispose());
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
