import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadNativeAddon } from '../addon/loadNativeAddon';
import { nativeAdapter } from '../nativeAdapter';
import { nativeCpuAdapter } from '../nativeCpuAdapter';
import { RMS_NORM, rmsNorm } from '@prefopt/model';

const native = loadNativeAddon().addon !== undefined;
const EPS = 1e-5;

/** The unfused reference: the forward as tfjs ops, differentiated by tfjs. */
function reference(x: tf.Tensor2D, w: tf.Tensor1D, eps: number): tf.Tensor2D {
  return tf.mul(
    tf.mul(x, tf.rsqrt(tf.add(tf.mean(tf.square(x), -1, true), eps))),
    w,
  ) as tf.Tensor2D;
}

/** Values of the op and the gradients of Σ u·op w.r.t. x and weight, on the current backend. */
function run(op: typeof rmsNorm): number[][] {
  return tf.tidy(() => {
    const x = tf.mul(tf.randomNormal([7, 13], 0, 1, 'float32', 4), 2) as tf.Tensor2D; // [M, D]
    const w = tf.randomNormal([13], 1, 0.3, 'float32', 5) as tf.Tensor1D; // [D]
    const u = tf.randomNormal([7, 13], 0, 1, 'float32', 6); // [M, D]
    const [dx, dw] = tf.grads((a: tf.Tensor, b: tf.Tensor) =>
      tf.sum(tf.mul(op(a as tf.Tensor2D, b as tf.Tensor1D, EPS), u)),
    )([x, w]);
    return [op(x, w, EPS), dx, dw].map((t) => Array.from(t.dataSync()));
  });
}

function expectClose(a: number[][], b: number[][], tol = 2e-5): void {
  expect(a.map((r) => r.length)).toEqual(b.map((r) => r.length));
  a.forEach((row, i) =>
    row.forEach((v, j) =>
      expect(Math.abs(v - b[i][j])).toBeLessThan(tol * (1 + Math.abs(b[i][j]))),
    ),
  );
}

describe('rmsNorm kernels (the model op, run natively)', () => {
  beforeAll(async () => {
    tf.env().set('PROD', true);
    await tf.setBackend('cpu');
  });
  afterAll(async () => {
    await tf.setBackend('cpu');
  });

  for (const [adapter, backend] of [
    [nativeAdapter, 'wasm'],
    [nativeCpuAdapter, 'native-cpu'],
  ] as const) {
    it.skipIf(!native)(
      `${adapter.name} kernels match the cpu reference in values and gradients`,
      async () => {
        await tf.setBackend('cpu');
        const expected = run(reference);
        await adapter.activate();
        await tf.setBackend(backend);
        expect(tf.getKernel(RMS_NORM, backend)).toBeDefined();
        const before = tf.memory().numTensors;
        expectClose(run(rmsNorm), expected);
        expect(tf.memory().numTensors).toBe(before);
      },
    );
  }
});
