import * as tf from '@tensorflow/tfjs-core';
import {
  PrefoptScaledMaskedSoftmax as SCALED_MASKED_SOFTMAX,
  PrefoptScaledMaskedSoftmaxGrad as SCALED_MASKED_SOFTMAX_GRAD,
} from '@prefopt/core';

function hasKernel(name: string): boolean {
  return tf.getKernel(name, tf.getBackend()) !== undefined;
}

const ops = new Map<number, (x: tf.Tensor3D, mask: tf.Tensor2D) => tf.Tensor3D>();

/** The kernels' custom-gradient op for one scale (customGrad functions take tensors only). */
function kernelOp(scale: number) {
  let op = ops.get(scale);
  if (op) return op;
  const grad = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [x, mask, save] = args as [tf.Tensor3D, tf.Tensor2D, tf.GradSaveFunc];
    const y = tf.engine().runKernel(SCALED_MASKED_SOFTMAX, { x, mask }, { scale }) as tf.Tensor3D; // [S, Tq, Tk]
    save([y]);
    return {
      value: y,
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => [
        tf
          .engine()
          .runKernel(SCALED_MASKED_SOFTMAX_GRAD, { y: saved[0], dy }, { scale }) as tf.Tensor, // [S, Tq, Tk]
        // the mask is a constant; zeros of its shape, not zerosLike: the forward's scope may
        // have disposed it by now, and tfjs-node's ZerosLike reads its input
        tf.zeros(mask.shape),
      ],
    };
  });
  op = (x, mask) => grad(x, mask) as tf.Tensor3D;
  ops.set(scale, op);
  return op;
}

/**
 * Attention probabilities softmax(x·scale + mask) over the last axis, x [S, Tq, Tk] and an
 * additive mask [Tq, Tk] shared by the S slices (no gradient reaches it). Where the backend
 * registers the `PrefoptScaledMaskedSoftmax*` kernels (native): one pass each way, keeping
 * only the output for the gradient dx = scale·y·(dy − Σ dy·y); elsewhere tfjs ops.
 */
export function scaledMaskedSoftmax(x: tf.Tensor3D, mask: tf.Tensor2D, scale: number): tf.Tensor3D {
  if (!hasKernel(SCALED_MASKED_SOFTMAX) || !hasKernel(SCALED_MASKED_SOFTMAX_GRAD)) {
    return tf.tidy(() => tf.softmax(tf.add(tf.mul(x, scale), mask), -1) as tf.Tensor3D); // [S, Tq, Tk]
  }
  return kernelOp(scale)(x, mask); // [S, Tq, Tk]
}
