import * as tf from '@tensorflow/tfjs-core';
import {
  PrefoptError,
  PrefoptTokenLogProbs as TOKEN_LOG_PROBS,
  PrefoptTokenLogProbsGrad as TOKEN_LOG_PROBS_GRAD,
} from '@prefopt/core';

function hasKernel(name: string): boolean {
  return tf.getKernel(name, tf.getBackend()) !== undefined;
}

/** log p(t_r) = x[r, t_r] − logsumexp(x[r, :]), composite: one pass for lse, one gather. */
function forwardComposite(logits: tf.Tensor2D, targets: tf.Tensor1D): tf.Tensor1D {
  return tf.tidy(() => {
    const [n, v] = logits.shape;
    const lse = tf.logSumExp(logits, -1); // [N]
    const flat = tf.add(tf.mul(tf.range(0, n, 1, 'int32'), tf.scalar(v, 'int32')), targets); // [N]
    const picked = tf.gather(tf.reshape(logits, [n * v]), flat); // [N]
    return tf.sub(picked, lse) as tf.Tensor1D;
  });
}

/** dy[r]·(onehot(t_r) − softmax(x[r, :])), composite. */
function gradComposite(logits: tf.Tensor2D, targets: tf.Tensor1D, dy: tf.Tensor1D): tf.Tensor2D {
  return tf.tidy(() => {
    const v = logits.shape[1];
    const probs = tf.softmax(logits); // [N, V]
    // int32 then cast: wasm 4.22's OneHot ignores dtype float32 (writes int bits, 1 → 1.4e-45)
    const oneHot = tf.cast(tf.oneHot(targets, v), 'float32'); // [N, V]
    return tf.mul(tf.sub(oneHot, probs), tf.expandDims(dy, 1)) as tf.Tensor2D; // [N, V]
  });
}

const tokenLogProbsOp = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
  const [logits, targets, save] = args as [tf.Tensor2D, tf.Tensor1D, tf.GradSaveFunc];
  save([logits, targets]);
  const value = hasKernel(TOKEN_LOG_PROBS)
    ? (tf.engine().runKernel(TOKEN_LOG_PROBS, { logits, targets }) as tf.Tensor1D)
    : forwardComposite(logits, targets); // [N]
  return {
    value,
    gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
      const [x, t] = saved as [tf.Tensor2D, tf.Tensor1D];
      const dx = hasKernel(TOKEN_LOG_PROBS_GRAD)
        ? (tf
            .engine()
            .runKernel(TOKEN_LOG_PROBS_GRAD, { logits: x, targets: t, dy }) as tf.Tensor2D)
        : gradComposite(x, t, dy as tf.Tensor1D); // [N, V]
      return [dx, tf.zerosLike(t)];
    },
  };
});

/**
 * Log-probability of each row's target under the softmax of its logits —
 * `gather(logSoftmax(logits), targets)` in one pass over the [N, V] logits, with a
 * custom gradient (no scatter): dx = dy·(onehot(t) − softmax(x)). Uses the backend's
 * `PrefoptTokenLogProbs*` kernels where registered (native), else a composite.
 */
export function tokenLogProbs(logits: tf.Tensor2D, targets: tf.Tensor1D): tf.Tensor1D {
  if (targets.dtype !== 'int32') {
    throw new PrefoptError(
      'input',
      `tokenLogProbs: targets must be int32 token ids, got ${targets.dtype}; cast them with tf.cast(targets, 'int32').`,
    );
  }
  return tokenLogProbsOp(logits, targets) as tf.Tensor1D; // [N]
}
