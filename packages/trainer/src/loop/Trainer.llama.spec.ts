import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { StepMetrics } from '@prefopt/core';
import { createModel, loadModel, saveModel, type LlamaModel } from '@prefopt/model';
import { useCpuBackend } from '@prefopt/testing';
import { CheckpointStore } from '../checkpoint/CheckpointStore';
import { PairBatchStream } from '@prefopt/data';
import { frozenCopy } from '../reference/frozenCopy';
import { ModelReference } from '../reference/ModelReference';
import { testObjectives } from '../test-support/testObjectives';
import { tinyPairs } from '../test-support/tinyPairs';
import { Trainer } from './Trainer';
import type { TrainerOptions } from './TrainerOptions';

// The real Llama model of @prefopt/model, tiny: 2 layers, width 16, vocabulary 16.
const CONFIG = { dim: 16, hiddenDim: 32, layers: 2, heads: 2, kvHeads: 1, vocab: 16, seqLen: 16 };
const PAIRS = tinyPairs(20);

function options(policy: LlamaModel, extra: Partial<TrainerOptions>): TrainerOptions {
  return {
    policy,
    objective: testObjectives.dpoLike({ beta: 0.5 }),
    train: new PairBatchStream(PAIRS, { batchSize: 4, seed: 3 }),
    reference: () => new ModelReference(frozenCopy(policy)),
    schedule: { lr: 0.01, warmupSteps: 2, decay: 'cosine' },
    totalSteps: 8,
    gradAccum: 2,
    ...extra,
  };
}

describe('Trainer on the Llama model', () => {
  beforeAll(useCpuBackend);

  it('resumes from an HF-layout checkpoint to the uninterrupted loss, and keeps the tensor count', async () => {
    const out = mkdtempSync(join(tmpdir(), 'prefopt-llama-'));
    const a = createModel(CONFIG, { seed: 5 });
    const ta = new Trainer(
      options(a, {
        checkpoints: new CheckpointStore(out, (dir) => saveModel(a, dir)),
        saveEvery: 4,
      }),
    );
    const rowsA: StepMetrics[] = [];
    const counts: number[] = [];
    ta.on('step', (m) => (rowsA.push(m), counts.push(tf.memory().numTensors)));
    await ta.run();
    expect(new Set(counts).size).toBe(1);
    expect(rowsA[0].loss).toBeCloseTo(Math.LN2, 6); // policy = frozen copy at step 1
    expect(readdirSync(join(out, 'checkpoint-4')).sort()).toEqual([
      'config.json',
      'generation_config.json',
      'model.safetensors',
      'optimizer.bin',
      'trainer_state.json',
    ]);

    // the original --model is the reference of a resumed run; the policy comes from the checkpoint
    const ckpt = CheckpointStore.read(join(out, 'checkpoint-4'));
    const original = createModel(CONFIG, { seed: 5 });
    const b = loadModel(ckpt.dir);
    const tb = new Trainer(
      options(b, { resume: ckpt, reference: () => new ModelReference(frozenCopy(original)) }),
    );
    const rowsB: StepMetrics[] = [];
    tb.on('step', (m) => rowsB.push(m));
    await tb.run();
    expect(rowsB.map((r) => r.step)).toEqual([5, 6, 7, 8]);
    expect(rowsB.map((r) => r.loss)).toEqual(rowsA.slice(4).map((r) => r.loss));
    expect(rowsB[3].loss).toBeLessThan(rowsA[0].loss);
    [ta, tb].forEach((t) => t.dispose());
    [a, b, original].forEach((m) => m.dispose());
  });

  it('the frozen copy has the policy weights and no trainable variables', () => {
    const policy = createModel(CONFIG, { seed: 1 });
    const copy = frozenCopy(policy);
    expect(copy.trainableVariables.every((v) => !v.trainable)).toBe(true);
    copy.trainableVariables.forEach((v, i) =>
      expect(Array.from(v.dataSync())).toEqual(Array.from(policy.trainableVariables[i].dataSync())),
    );
    copy.dispose();
    policy.dispose();
  });
});
