import { describe, expect, it } from 'vitest';
import { learningRate } from './learningRate';

describe('learningRate', () => {
  it('warms up linearly from 0, then decays by cosine as transformers does', () => {
    const s = { lr: 1, warmupSteps: 2, totalSteps: 6, decay: 'cosine' as const };
    // k = step − 1; warmup k/W: 0, 0.5; then ½(1 + cos(π (k−2)/4)) for k = 2..5:
    // 1, ½(1 + √½) = 0.853553, ½, ½(1 − √½) = 0.146447
    const got = [1, 2, 3, 4, 5, 6].map((step) => learningRate(step, s));
    const want = [0, 0.5, 1, 0.8535533905932737, 0.5, 0.14644660940672627];
    got.forEach((x, i) => expect(x).toBeCloseTo(want[i], 12));
  });

  it('decays linearly to (N − k)/(N − W) and holds constant when asked', () => {
    const s = { lr: 0.5, warmupSteps: 0, totalSteps: 4, decay: 'linear' as const };
    // k = 0..3: 0.5 · (4 − k)/4 = 0.5, 0.375, 0.25, 0.125
    expect([1, 2, 3, 4].map((step) => learningRate(step, s))).toEqual([0.5, 0.375, 0.25, 0.125]);
    expect(learningRate(3, { ...s, decay: 'constant' })).toBe(0.5);
  });

  it('rejects a non-positive learning rate naming the flag', () => {
    expect(() =>
      learningRate(1, { lr: 0, warmupSteps: 0, totalSteps: 1, decay: 'cosine' }),
    ).toThrow(/--lr must be/);
  });
});
