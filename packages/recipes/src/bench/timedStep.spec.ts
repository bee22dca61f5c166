import * as tf from '@tensorflow/tfjs';
import { createModel } from '@prefopt/model';
import { dpo } from '@prefopt/objective-dpo';
import { simpo } from '@prefopt/objective-simpo';
import { useCpuBackend } from '@prefopt/testing';
import { AdamW, ModelReference } from '@prefopt/trainer';
import { beforeAll, describe, expect, it } from 'vitest';
import { syntheticBatch } from './syntheticBatch';
import { timedStep } from './timedStep';

const tiny = { dim: 16, hiddenDim: 40, layers: 1, heads: 2, kvHeads: 2, vocab: 32, seqLen: 8 };

describe('timedStep', () => {
  beforeAll(useCpuBackend);

  it('trains (weights move), reports its loss and leaves numTensors unchanged', async () => {
    const policy = createModel(tiny, { seed: 5 });
    const optimizer = new AdamW(policy.trainableVariables as tf.Variable[]);
    const batch = syntheticBatch(2, 8, tiny.vocab, 9);
    const before = tf.memory().numTensors;
    const w0 = Array.from(policy.trainableVariables[1].dataSync());
    const parts = { policy, objective: simpo(), optimizer, lr: 1e-2, maxGradNorm: 1 };
    const { loss, times } = await timedStep(parts, batch);
    expect(tf.memory().numTensors).toBe(before);
    expect(Number.isFinite(loss)).toBe(true);
    expect(times.referenceForward).toBe(0);
    expect(Array.from(policy.trainableVariables[1].dataSync())).not.toEqual(w0);
    optimizer.dispose();
    policy.dispose();
  });

  it('with a frozen reference equal to the policy, dpo starts at ln 2 and the reference stays put', async () => {
    const policy = createModel(tiny, { seed: 5 });
    const frozen = createModel(tiny, { seed: 5 });
    const reference = new ModelReference(frozen);
    const optimizer = new AdamW(policy.trainableVariables as tf.Variable[]);
    const batch = syntheticBatch(2, 8, tiny.vocab, 9);
    const ref0 = Array.from(frozen.trainableVariables[1].dataSync());
    const before = tf.memory().numTensors;
    // z = (π_w − ref_w) − (π_l − ref_l) = 0 → loss = −log σ(0) = ln 2 = 0.693147
    const parts = { policy, reference, objective: dpo(), optimizer, lr: 1e-2, maxGradNorm: 1 };
    const { loss } = await timedStep(parts, batch);
    expect(loss).toBeCloseTo(Math.LN2, 5);
    expect(tf.memory().numTensors).toBe(before);
    expect(reference.calls).toBe(1);
    expect(Array.from(frozen.trainableVariables[1].dataSync())).toEqual(ref0);
    optimizer.dispose();
    reference.dispose();
    policy.dispose();
  });
});
