import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { logRatios } from './logRatios';

// Two pairs. Pair 0: log π = (−10, −12), log π_ref = (−11, −11), lengths (2, 4):
//   chosen = −10 − (−11) = 1, rejected = −12 − (−11) = −1; per token 1/2 = 0.5, −1/4 = −0.25.
// Pair 1: log π = (−3, −6), log π_ref = (−5, −3), lengths (4, 2):
//   chosen = 2, rejected = −3; per token 0.5, −1.5.
const inputs = () => ({
  policy: { chosen: tf.tensor1d([-10, -3]), rejected: tf.tensor1d([-12, -6]) },
  reference: { chosen: tf.tensor1d([-11, -5]), rejected: tf.tensor1d([-11, -3]) },
  lengths: { chosen: tf.tensor1d([2, 4]), rejected: tf.tensor1d([4, 2]) },
});

const read = (r: ReturnType<typeof logRatios>) => ({
  chosen: Array.from(r.chosen.dataSync()),
  rejected: Array.from(r.rejected.dataSync()),
  chosenRewards: Array.from(r.chosenRewards.dataSync()),
  rejectedRewards: Array.from(r.rejectedRewards.dataSync()),
});

describe('logRatios', () => {
  it('summed: log π − log π_ref, and β times it (β 0.5)', () => {
    const x = inputs();
    const got = tf.tidy(() => read(logRatios(x, 0.5)));
    expect(got).toEqual({
      chosen: [1, 2],
      rejected: [-1, -3],
      chosenRewards: [0.5, 1],
      rejectedRewards: [-0.5, -1.5],
    });
    tf.dispose(Object.values(x).flatMap((p) => [p.chosen, p.rejected]));
  });

  it('per token: divided by the completion lengths before β (β 2)', () => {
    const x = inputs();
    const got = tf.tidy(() => read(logRatios(x, 2, true)));
    expect(got).toEqual({
      chosen: [0.5, 0.5],
      rejected: [-0.25, -1.5],
      chosenRewards: [1, 1],
      rejectedRewards: [-0.5, -3],
    });
    tf.dispose(Object.values(x).flatMap((p) => [p.chosen, p.rejected]));
  });
});
