import * as tf from '@tensorflow/tfjs';
import { SCALED_MASKED_SOFTMAX, scaledMaskedSoftmax } from '@prefopt/model';
import { describeNativeKernelMatch } from '../specSupport/describeNativeKernelMatch';
import { expectRowsClose } from '../specSupport/expectRowsClose';

/** A causal additive mask [T, T]: −1e9 above the diagonal, as the model builds it. */
function causal(t: number): tf.Tensor2D {
  return tf.tidy(
    () => tf.mul(tf.sub(1, tf.linalg.bandPart(tf.ones([t, t]), -1, 0)), -1e9) as tf.Tensor2D,
  );
}

/** The unfused reference: tfjs ops, differentiated by tfjs. */
const reference = (x: tf.Tensor3D, m: tf.Tensor2D, s: number) =>
  tf.softmax(tf.add(tf.mul(x, s), m), -1) as tf.Tensor3D;

/** Values and the gradient of Σ w·op w.r.t. x, on the current backend. */
function run(op: typeof scaledMaskedSoftmax): number[][] {
  return tf.tidy(() => {
    const x = tf.mul(tf.randomNormal([3, 5, 5], 0, 1, 'float32', 11), 4) as tf.Tensor3D; // [S, T, T]
    const w = tf.randomNormal([3, 5, 5], 0, 1, 'float32', 12); // [S, T, T]
    const m = causal(5);
    const g = tf.grad((y: tf.Tensor) => tf.sum(tf.mul(op(y as tf.Tensor3D, m, 0.125), w)))(x);
    return [op(x, m, 0.125), g].map((t) => Array.from(t.dataSync()));
  });
}

describeNativeKernelMatch({
  suite: 'scaledMaskedSoftmax kernels (the model op, run natively)',
  claim: 'kernels match the cpu reference in values and gradient',
  kernelName: SCALED_MASKED_SOFTMAX,
  reference: () => run(reference),
  fused: () => run(scaledMaskedSoftmax),
  expectClose: (actual, expected) => expectRowsClose(actual, expected, 1e-5),
});
