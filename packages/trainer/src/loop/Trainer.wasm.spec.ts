import { wasmAdapter } from '@prefopt/backend-wasm';
import { createModel } from '@prefopt/model';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { PairBatchStream } from '@prefopt/data';
import { frozenCopy } from '../reference/frozenCopy';
import { ModelReference } from '../reference/ModelReference';
import { testObjectives } from '../test-support/testObjectives';
import { tinyPairs } from '../test-support/tinyPairs';
import { Trainer } from './Trainer';

// Seeded runs on the wasm backend: the same seed gives bit-identical metrics (the cpu
// backend's determinism is in Trainer.spec.ts).
describe('Trainer on the wasm backend', () => {
  beforeAll(async () => {
    await wasmAdapter.activate();
    expect(tf.getBackend()).toBe('wasm');
  });

  it('two runs with the same seed give identical losses and gradient norms', async () => {
    const runs: number[][] = [];
    for (let i = 0; i < 2; i++) {
      const policy = createModel(
        { dim: 16, hiddenDim: 32, layers: 1, heads: 2, kvHeads: 2, vocab: 16, seqLen: 16 },
        { seed: 0 },
      );
      const trainer = new Trainer({
        policy,
        objective: testObjectives.dpoLike({ beta: 0.5 }),
        train: new PairBatchStream(tinyPairs(12), { batchSize: 3, seed: 0 }),
        reference: () => new ModelReference(frozenCopy(policy)),
        schedule: { lr: 0.01, warmupSteps: 1, decay: 'linear' },
        totalSteps: 5,
      });
      const values: number[] = [];
      trainer.on('step', (m) => values.push(m.loss, m.grad_norm));
      await trainer.run();
      runs.push(values);
      trainer.dispose();
      policy.dispose();
    }
    expect(runs[0]).toHaveLength(10);
    expect(runs[0].every(Number.isFinite)).toBe(true);
    expect(runs[1]).toEqual(runs[0]);
  });
});
