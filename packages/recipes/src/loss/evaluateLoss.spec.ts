import * as tf from '@tensorflow/tfjs';
import { sft } from '@prefopt/objective-reference-free';
import { simpo } from '@prefopt/objective-simpo';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluateLoss } from './evaluateLoss';

describe('evaluateLoss', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  // simpo β 2, γ 1 on one pair: averages −6/3 = −2, −12/4 = −3; h = −4 + 6 − 1 = 1;
  // loss = log(1 + e^−1) = 0.3132617; d/d chosen = −σ(−1)·2/3 = −0.1792943, d/d rejected = 0.1344707.
  it('returns values and gradients and leaves no tensor behind', () => {
    const before = tf.memory().numTensors;
    const r = evaluateLoss(simpo({ beta: 2, gamma: 1 }), {
      policy: { chosen: [-6], rejected: [-12] },
      lengths: { chosen: [3], rejected: [4] },
    });
    expect(tf.memory().numTensors).toBe(before);
    expect(r.loss).toBeCloseTo(0.3132617, 6);
    expect(r.gradChosen[0]).toBeCloseTo(-0.1792943, 6);
    expect(r.gradRejected[0]).toBeCloseTo(0.1344707, 6);
    expect(r.chosenRewards).toEqual([-4]);
  });

  it('gives a zero gradient for a side the loss ignores (sft: rejected)', () => {
    const r = evaluateLoss(sft(), {
      policy: { chosen: [-6], rejected: [-12] },
      lengths: { chosen: [3], rejected: [4] },
    });
    expect(r.gradRejected).toEqual([0]);
    expect(r.gradChosen[0]).toBeCloseTo(-1 / 3, 6);
  });
});
