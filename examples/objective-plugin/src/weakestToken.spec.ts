import * as tf from '@tensorflow/tfjs';
import { useCpuBackend } from '@prefopt/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { weakestToken } from './weakestToken';

// One pair, T = 3 positions. Chosen: log-probs (−9 prompt, −1, −2), completion mask (0, 1, 1):
// its weakest completion token is −2 (the prompt's −9 is not a completion token).
// Rejected: (−0.5, −3, −4), mask (1, 1, 0): weakest −3.
//   β 1, γ 0: margin −2 − (−3) = 1; loss = −log σ(1) = 0.3132617
//   d loss/d margin = −σ(−1) = −0.2689414, flowing to the argmin tokens only:
//   d/d chosen[2] = −0.2689414, d/d rejected[1] = +0.2689414, every other position 0.
const rows = {
  chosen: [[-9, -1, -2]],
  rejected: [[-0.5, -3, -4]],
  mask: { chosen: [[0, 1, 1]], rejected: [[1, 1, 0]] },
};

function inputsOf(c: tf.Tensor2D, r: tf.Tensor2D) {
  const mask = { chosen: tf.tensor2d(rows.mask.chosen), rejected: tf.tensor2d(rows.mask.rejected) };
  const sum = (x: tf.Tensor2D, m: tf.Tensor2D) => tf.sum(tf.mul(x, m), 1) as tf.Tensor1D;
  return {
    policy: { chosen: sum(c, mask.chosen), rejected: sum(r, mask.rejected) },
    lengths: {
      chosen: tf.sum(mask.chosen, 1) as tf.Tensor1D,
      rejected: tf.sum(mask.rejected, 1) as tf.Tensor1D,
    },
    tokens: { policy: { chosen: c, rejected: r }, completionMask: mask, sequenceMask: mask },
  };
}

describe('weakest-token (a per-token plugin objective)', () => {
  beforeAll(useCpuBackend);

  it('declares per-token needs, so the trainer computes them for it alone', () => {
    expect(weakestToken.needs).toEqual({ tokenLogps: true });
    expect(weakestToken().needs?.tokenLogps).toBe(true);
  });

  it('matches the hand-worked numbers, gradient on the weakest tokens only, no tensor left', () => {
    const before = tf.memory().numTensors;
    tf.tidy(() => {
      const c = tf.tensor2d(rows.chosen);
      const r = tf.tensor2d(rows.rejected);
      const out = weakestToken().compute(inputsOf(c, r));
      expect(out.loss.dataSync()[0]).toBeCloseTo(0.3132617, 6);
      expect(Array.from(out.chosenRewards.dataSync())).toEqual([-2]);
      expect(Array.from(out.rejectedRewards.dataSync())).toEqual([-3]);
      const [gc, gr] = tf.grads(
        (a: tf.Tensor, b: tf.Tensor) =>
          weakestToken().compute(inputsOf(a as tf.Tensor2D, b as tf.Tensor2D)).loss,
      )([c, r]);
      const got = [...gc.dataSync(), ...gr.dataSync()];
      [0, 0, -0.2689414, 0, 0.2689414, 0].forEach((g, i) => expect(got[i]).toBeCloseTo(g, 6));
    });
    expect(tf.memory().numTensors).toBe(before);
  });

  it('names the missing per-token input', () => {
    tf.tidy(() => {
      const { policy, lengths } = inputsOf(tf.tensor2d(rows.chosen), tf.tensor2d(rows.rejected));
      expect(() => weakestToken().compute({ policy, lengths })).toThrow(
        /weakest-token: needs per-token log-probs .* inputs\.tokens is missing/,
      );
    });
  });
});
