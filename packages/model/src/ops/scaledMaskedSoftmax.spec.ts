import * as tf from '@tensorflow/tfjs';
import { useCpuBackend } from '@prefopt/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { causalMask } from './causalMask';
import { scaledMaskedSoftmax } from './scaledMaskedSoftmax';

// The kernel path (native) is checked against tfjs in @prefopt/backend-native's specs.
describe('scaledMaskedSoftmax', () => {
  beforeAll(useCpuBackend);

  it('scales, masks and normalises each row (hand-worked)', () => {
    // x = [[0, 8], [0, 8]], scale ½ → [[0, 4], [0, 4]]; the causal mask hides column 1 of row 0:
    // row 0 → [1, 0]; row 1 → softmax([0, 4]) = [1/(1 + e⁴), e⁴/(1 + e⁴)] = [0.0179862, 0.9820138]
    const x = tf.tensor3d([
      [
        [0, 8],
        [0, 8],
      ],
    ]);
    const m = causalMask(2, 2, 0);
    const y = scaledMaskedSoftmax(x, m, 0.5);
    const v = Array.from(y.dataSync());
    [1, 0, 0.0179862, 0.9820138].forEach((e, i) => expect(v[i]).toBeCloseTo(e, 6));
    tf.dispose([x, m, y]);
  });

  it('passes no gradient to the mask and the softmax gradient to x (hand-worked)', () => {
    // one row, x = [0, 0], scale 1, no mask: y = [½, ½]; loss = y₀ → dx = y₀·(e₀ − y) = [¼, −¼]
    const x = tf.tensor3d([[[0, 0]]]);
    const m = tf.zeros([1, 2]) as tf.Tensor2D;
    const g = tf.grad((a: tf.Tensor) =>
      tf.slice(scaledMaskedSoftmax(a as tf.Tensor3D, m, 1), [0, 0, 0], [1, 1, 1]).sum(),
    )(x);
    const [a, b] = Array.from(g.dataSync());
    expect(a).toBeCloseTo(0.25, 6);
    expect(b).toBeCloseTo(-0.25, 6);
    tf.dispose([x, m, g]);
  });
});
