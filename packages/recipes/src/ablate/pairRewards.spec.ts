import { simpo } from '@prefopt/objective-simpo';
import { dpo } from '@prefopt/objective-dpo';
import type { TokenizedPair } from '@prefopt/core';
import { createModel } from '@prefopt/model';
import { useCpuBackend } from '@prefopt/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { accuracyWhereChosenNotLonger, pairLogps, pairRewards } from './pairRewards';

describe('pairRewards', () => {
  beforeAll(async () => {
    await useCpuBackend();
  });

  it('gives SimPO / DPO rewards from log-probs, as the papers define them', () => {
    const policy = {
      chosen: [-4, -9],
      rejected: [-6, -3],
      lengths: { chosen: [2, 3], rejected: [3, 1] },
    };
    // SimPO β 2: 2·(−4/2) = −4, 2·(−9/3) = −6; rejected 2·(−6/3) = −4, 2·(−3/1) = −6
    expect(pairRewards(simpo({ beta: 2, gamma: 1 }), policy, undefined)).toEqual({
      chosen: [-4, -6],
      rejected: [-4, -6],
    });
    // without length normalisation: 2·(−4) = −8, 2·(−9) = −18; 2·(−6) = −12, 2·(−3) = −6
    expect(pairRewards(simpo({ lengthNormalize: false }), policy, undefined)).toEqual({
      chosen: [-8, -18],
      rejected: [-12, -6],
    });
    // DPO β 0.1 against reference [−5, −9] / [−5, −5]: 0.1·(1, 0) and 0.1·(−1, 2)
    const r = pairRewards(dpo({ beta: 0.1 }), policy, { chosen: [-5, -9], rejected: [-5, -5] });
    expect(r.chosen[0]).toBeCloseTo(0.1, 6);
    expect(r.chosen[1]).toBeCloseTo(0, 6);
    expect(r.rejected[0]).toBeCloseTo(-0.1, 6);
    expect(r.rejected[1]).toBeCloseTo(0.2, 6);
  });

  it('counts accuracy only where the chosen completion is not longer', () => {
    const rewards = { chosen: [1, 0, 5, 2], rejected: [0, 1, 4, 3] };
    const lengths = { chosen: [3, 2, 9, 2], rejected: [3, 4, 1, 2] };
    // pairs 0, 1, 3 qualify (3≤3, 2≤4, 2≤2); right: pair 0 only → 1/3
    expect(accuracyWhereChosenNotLonger(rewards, lengths)).toEqual({ accuracy: 1 / 3, pairs: 3 });
    expect(
      accuracyWhereChosenNotLonger({ chosen: [1], rejected: [0] }, { chosen: [5], rejected: [1] }),
    ).toEqual({ accuracy: null, pairs: 0 });
  });

  it("pairLogps equals the model's sequenceLogps per pair and frees its tensors", async () => {
    const tf = await useCpuBackend();
    const model = createModel(
      { dim: 8, hiddenDim: 16, layers: 1, heads: 2, kvHeads: 2, vocab: 20, seqLen: 16 },
      { seed: 2 },
    );
    const pairs: TokenizedPair[] = [
      { prompt: [1, 2], chosen: [3, 4, 5], rejected: [6] },
      { prompt: [1], chosen: [7], rejected: [8, 9] },
      { prompt: [1, 3, 3], chosen: [2], rejected: [4] },
    ];
    const before = tf.memory().numTensors;
    const batched = pairLogps(model, pairs, 2);
    expect(tf.memory().numTensors).toBe(before);
    expect(batched.lengths).toEqual({ chosen: [3, 1, 1], rejected: [1, 2, 1] });
    for (let i = 0; i < pairs.length; i++) {
      const one = pairLogps(model, [pairs[i]], 1);
      expect(batched.chosen[i]).toBeCloseTo(one.chosen[0], 4);
      expect(batched.rejected[i]).toBeCloseTo(one.rejected[0], 4);
    }
    model.dispose();
  });
});
