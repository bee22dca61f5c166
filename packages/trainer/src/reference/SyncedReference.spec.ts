import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { PrefoptError, type CausalLM } from '@prefopt/core';
import { useCpuBackend } from '@prefopt/testing';
import { Trainer } from '../loop/Trainer';
import { ArrayBatchStream } from '../test-support/ArrayBatchStream';
import { testObjectives } from '../test-support/testObjectives';
import { TinyLM } from '../test-support/TinyLM';
import { tinyPairs } from '../test-support/tinyPairs';
import { AdaptersOffReference } from './AdaptersOffReference';
import { referenceStrategy } from './referenceStrategy';
import { SyncedReference } from './SyncedReference';

const values = (v: tf.Tensor) => Array.from(v.dataSync()).map((x) => Number(x.toFixed(6)));

/** A one-variable "model": only trainableVariables matter to the sync. */
function holder(w: number[]): CausalLM {
  const v = tf.variable(tf.tensor1d(w), true);
  return {
    vocabSize: 2,
    maxSeqLen: 2,
    trainableVariables: [v],
    logits: () => {
      throw new Error('not used');
    },
    sequenceLogps: () => {
      throw new Error('not used');
    },
    dispose: () => v.dispose(),
  };
}

describe('TR-DPO sync (SyncedReference)', () => {
  beforeAll(useCpuBackend);

  it('τ = 2, α = 0.6: step 1 leaves the reference, step 2 mixes it with the policy', () => {
    // ref₀ = [0, 1]; policy after step 1 = [1, −2], after step 2 = [3, 0.5]
    // after step 2: ref = 0.6·[3, 0.5] + 0.4·[0, 1] = [1.8, 0.7]
    const policy = holder([1, -2]);
    const copy = holder([0, 1]);
    const ref = new SyncedReference(copy, policy.trainableVariables, { alpha: 0.6, steps: 2 });
    ref.afterStep(1);
    expect(values(copy.trainableVariables[0])).toEqual([0, 1]);
    policy.trainableVariables[0].assign(tf.tensor1d([3, 0.5]));
    ref.afterStep(2);
    expect(values(copy.trainableVariables[0])).toEqual([1.8, 0.7]);
    expect(ref.syncs).toBe(1);
    ref.dispose();
    policy.dispose();
  });

  it('τ = 1: two syncs compound: 0.6·[3, 0.5] + 0.4·(0.6·[1, −2] + 0.4·[0, 1]) = [2.04, −0.02]', () => {
    const policy = holder([1, -2]);
    const copy = holder([0, 1]);
    const ref = new SyncedReference(copy, policy.trainableVariables, { alpha: 0.6, steps: 1 });
    ref.afterStep(1);
    expect(values(copy.trainableVariables[0])).toEqual([0.6, -0.8]);
    policy.trainableVariables[0].assign(tf.tensor1d([3, 0.5]));
    ref.afterStep(2);
    expect(values(copy.trainableVariables[0])).toEqual([2.04, -0.02]);
    ref.dispose();
    policy.dispose();
  });

  it('the Trainer syncs after the optimiser step: ref = α·policy₁ + (1−α)·policy₀', async () => {
    const policy = new TinyLM(16, 8, 1);
    const initial = policy.weights();
    const copy = new TinyLM(16, 8, 1, initial);
    let source: SyncedReference | undefined;
    const trainer = new Trainer({
      policy,
      objective: testObjectives.dpoLike(),
      train: new ArrayBatchStream(tinyPairs(8), 4, 3),
      reference: () =>
        (source = new SyncedReference(copy, policy.trainableVariables, { alpha: 0.25, steps: 1 })),
      schedule: { lr: 0.05, warmupSteps: 0, decay: 'constant' },
      totalSteps: 1,
    });
    const before = tf.memory().numTensors;
    // keep the copy alive past run(): its dispose is the Trainer's, so read weights inside the step event
    let synced: Float32Array[] = [];
    trainer.on('step', () => (synced = copy.weights()));
    await trainer.run();
    trainer.dispose();
    const after = policy.weights();
    expect(source!.syncs).toBe(1);
    for (let i = 0; i < after.length; i++) {
      expect(after[i]).not.toEqual(initial[i]);
      const mixed = after[i].map((p, j) => 0.25 * p + 0.75 * initial[i][j]);
      for (let j = 0; j < mixed.length; j++) expect(synced[i][j]).toBeCloseTo(mixed[j], 6);
    }
    expect(tf.memory().numTensors).toBeLessThanOrEqual(before);
    policy.dispose();
  });

  it('rejects α outside [0, 1], τ < 1, and a reference that is not a full copy', () => {
    const policy = holder([1, 2]);
    const other = holder([1, 2, 3]);
    const make = (alpha: number, steps: number, copy = holder([0, 0])) =>
      new SyncedReference(copy, policy.trainableVariables, { alpha, steps });
    expect(() => make(1.5, 1)).toThrow(/--ref-sync-alpha/);
    expect(() => make(0.5, 0)).toThrow(/--ref-sync-steps/);
    expect(() => make(0.5, 1, other)).toThrow(/full copy/);
    policy.dispose();
  });
});

describe('referenceStrategy', () => {
  const plain = { adaptersOff: undefined } as unknown as CausalLM;
  const lora = { adaptersOff: () => plain } as unknown as CausalLM;
  const sync = { alpha: 0.6, steps: 512 };
  it('picks from requiresReference and the model', () => {
    expect(referenceStrategy({ requiresReference: false, policy: lora, cache: true })).toBe('none');
    expect(referenceStrategy({ requiresReference: true, policy: plain, cache: false })).toBe(
      'frozen copy',
    );
    expect(referenceStrategy({ requiresReference: true, policy: lora, cache: false })).toBe(
      'adapters off',
    );
    expect(referenceStrategy({ requiresReference: true, policy: lora, cache: true })).toBe(
      'precomputed cache',
    );
    expect(referenceStrategy({ requiresReference: true, policy: plain, cache: false, sync })).toBe(
      'tr-dpo sync',
    );
  });
  it('TR-DPO sync with LoRA or with a cache is a config error naming the flags', () => {
    for (const [policy, cache] of [
      [lora, false],
      [plain, true],
    ] as const) {
      try {
        referenceStrategy({ requiresReference: true, policy, cache, sync });
        expect.unreachable();
      } catch (e) {
        expect(PrefoptError.is(e, 'config')).toBe(true);
        expect((e as Error).message).toMatch(/--ref-sync/);
      }
    }
  });
  it('AdaptersOffReference refuses a model without adapters', () => {
    expect(() => new AdaptersOffReference(plain)).toThrow(/--lora-rank/);
  });
});
