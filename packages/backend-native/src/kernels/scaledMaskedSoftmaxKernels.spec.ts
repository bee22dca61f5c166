import * as tf from '@tensorflow/tfjs';
import { scaledMaskedSoftmax } from '@prefopt/model';
import { PrefoptScaledMaskedSoftmax } from '@prefopt/core';
import { describeNativeKernelMatch } from '../specSupport/describeNativeKernelMatch';
import { expectRowsClose } from '../specSupport/expectRowsClose';
import { causalMask, unfusedScaledMaskedSoftmax } from '../specSupport/unfusedReferences';

/** Values and the gradient of Σ w·op w.r.t. x, on the current backend. */
function run(op: typeof scaledMaskedSoftmax): number[][] {
  return tf.tidy(() => {
    const x = tf.mul(tf.randomNormal([3, 5, 5], 0, 1, 'float32', 11), 4) as tf.Tensor3D; // [S, T, T]
    const w = tf.randomNormal([3, 5, 5], 0, 1, 'float32', 12); // [S, T, T]
    const m = causalMask(5);
    const g = tf.grad((y: tf.Tensor) => tf.sum(tf.mul(op(y as tf.Tensor3D, m, 0.125), w)))(x);
    return [op(x, m, 0.125), g].map((t) => Array.from(t.dataSync()));
  });
}

describeNativeKernelMatch({
  suite: 'scaledMaskedSoftmax kernels (the model op, run natively)',
  claim: 'kernels match the cpu reference in values and gradient',
  kernelName: PrefoptScaledMaskedSoftmax,
  reference: () => run(unfusedScaledMaskedSoftmax),
  fused: () => run(scaledMaskedSoftmax),
  expectClose: (actual, expected) => expectRowsClose(actual, expected, 1e-5),
});
