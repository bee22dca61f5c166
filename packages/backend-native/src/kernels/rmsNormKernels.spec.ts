import * as tf from '@tensorflow/tfjs';
import { expect } from 'vitest';
import { rmsNorm } from '@prefopt/model';
import { PrefoptRmsNorm } from '@prefopt/core';
import { describeNativeKernelMatch } from '../specSupport/describeNativeKernelMatch';
import { expectRowsClose } from '../specSupport/expectRowsClose';
import { unfusedRmsNorm } from '../specSupport/unfusedReferences';

const EPS = 1e-5;

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

describeNativeKernelMatch({
  suite: 'rmsNorm kernels (the model op, run natively)',
  claim: 'kernels match the cpu reference in values and gradients',
  kernelName: PrefoptRmsNorm,
  reference: () => run(unfusedRmsNorm),
  fused: () => run(rmsNorm),
  expectClose: (actual, expected) => {
    expect(actual.map((r) => r.length)).toEqual(expected.map((r) => r.length));
    expectRowsClose(actual, expected, 2e-5, true);
  },
});
