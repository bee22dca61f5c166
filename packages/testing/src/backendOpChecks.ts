import type * as tfjs from '@tensorflow/tfjs';
import { logSigmoid } from '@prefopt/core';
import { backendTestValues as values } from './backendTestValues';

/** One op-level check: builds its tensors from plain numbers, returns what to compare. */
export interface BackendCheck {
  name: string;
  /** Runs inside `tf.tidy`; every returned tensor is compared with the cpu backend's. */
  run(tf: typeof tfjs): tfjs.Tensor[];
}

/** `Σ f·u` for a fixed random u: a scalar loss whose gradient reaches every output element. */
function weightedSum(tf: typeof tfjs, y: tfjs.Tensor, seed: number): tfjs.Scalar {
  return tf.sum(tf.mul(y, tf.tensor(values(y.size, seed), y.shape))) as tfjs.Scalar;
}

/** The ops a Llama forward + backward runs, each with its gradient where training needs one. */
export const backendOpChecks: readonly BackendCheck[] = [
  {
    name: 'matMul, transposeB, batched [2,3,4,5]·[2,3,5,4]',
    run: (tf) => {
      const a = tf.tensor2d(values(12, 1), [3, 4]); // [3, 4]
      const b = tf.tensor2d(values(20, 2), [4, 5]); // [4, 5]
      const bt = tf.tensor2d(values(20, 3), [5, 4]); // [5, 4]
      const x = tf.tensor4d(values(120, 4), [2, 3, 4, 5]); // [2, 3, 4, 5]
      const y = tf.tensor4d(values(120, 5), [2, 3, 5, 4]); // [2, 3, 5, 4]
      return [tf.matMul(a, b), tf.matMul(a, bt, false, true), tf.matMul(x, y)]; // [3,5] [3,5] [2,3,4,4]
    },
  },
  {
    name: 'softmax, logSoftmax, logSumExp on rows spanning ±80',
    run: (tf) => {
      const x = tf.tensor2d(values(14, 6, 80), [2, 7]); // [2, 7]
      return [tf.softmax(x), tf.logSoftmax(x), tf.logSumExp(x, 1)]; // [2,7] [2,7] [2]
    },
  },
  {
    name: 'gather and its gradient (UnsortedSegmentSum), scatterND',
    run: (tf) => {
      const table = tf.tensor2d(values(20, 7), [5, 4]); // [V=5, D=4]
      const ids = tf.tensor1d([3, 0, 3, 4, 3], 'int32'); // [5], repeated ids sum
      const grad = tf.grad((t: tfjs.Tensor) => weightedSum(tf, tf.gather(t, ids), 8))(table); // [5, 4]
      const scattered = tf.scatterND(
        tf.tensor2d([0, 2, 0], [3, 1], 'int32'),
        tf.tensor2d(values(12, 9), [3, 4]),
        [4, 4],
      ); // [4, 4]
      return [tf.gather(table, ids), grad, scattered];
    },
  },
  {
    name: 'rmsNorm and its gradient',
    run: (tf) => {
      const x = tf.tensor2d(values(24, 10, 3), [4, 6]); // [N, D]
      const w = tf.tensor1d(values(6, 11)); // [D]
      const f = (xi: tfjs.Tensor, wi: tfjs.Tensor) =>
        weightedSum(
          tf,
          tf.mul(tf.mul(xi, tf.rsqrt(tf.add(tf.mean(tf.square(xi), -1, true), 1e-5))), wi),
          12,
        ); // [N, D]
      const [gx, gw] = tf.grads(f)([x, w]);
      return [f(x, w), gx, gw];
    },
  },
  {
    name: 'SwiGLU (silu · gate) and its gradient',
    run: (tf) => {
      const a = tf.tensor2d(values(24, 13, 4), [4, 6]); // [N, F]
      const b = tf.tensor2d(values(24, 14), [4, 6]); // [N, F]
      const f = (ai: tfjs.Tensor, bi: tfjs.Tensor) =>
        weightedSum(tf, tf.mul(tf.mul(ai, tf.sigmoid(ai)), bi), 15);
      return [f(a, b), ...tf.grads(f)([a, b])];
    },
  },
  {
    name: 'causal attention (transpose, scaled scores, mask, softmax) and its gradient',
    run: (tf) => {
      const [B, H, T, Dh] = [1, 2, 4, 3];
      const q = tf.tensor4d(values(B * H * T * Dh, 16), [B, H, T, Dh]); // [B, H, T, Dh]
      const k = tf.tensor4d(values(B * H * T * Dh, 17), [B, H, T, Dh]); // [B, H, T, Dh]
      const v = tf.tensor4d(values(B * H * T * Dh, 18), [B, H, T, Dh]); // [B, H, T, Dh]
      const mask = tf.tensor2d(
        Array.from({ length: T * T }, (_, i) => (i % T > Math.floor(i / T) ? -1e9 : 0)),
        [T, T],
      ); // [T, T]
      const f = (qi: tfjs.Tensor, ki: tfjs.Tensor, vi: tfjs.Tensor) => {
        const scores = tf.add(
          tf.div(tf.matMul(qi, tf.transpose(ki, [0, 1, 3, 2])), Math.sqrt(Dh)),
          mask,
        ); // [B, H, T, T]
        return weightedSum(tf, tf.matMul(tf.softmax(scores), vi), 19); // [B, H, T, Dh]
      };
      return [f(q, k, v), ...tf.grads(f)([q, k, v])];
    },
  },
  {
    name: 'rotary embedding (slice, concat, neg; rank-5 reverse) and its gradient',
    run: (tf) => {
      const x = tf.tensor2d(values(24, 20), [4, 6]); // [T, Dh]
      const cos = tf.tensor2d(values(24, 21), [4, 6]); // [T, Dh]
      const sin = tf.tensor2d(values(24, 22), [4, 6]); // [T, Dh]
      const f = (xi: tfjs.Tensor) => {
        const half = tf.split(xi, 2, 1); // 2 × [T, Dh/2]
        const rotated = tf.concat([tf.neg(half[1]), half[0]], 1); // [T, Dh]
        return weightedSum(tf, tf.add(tf.mul(xi, cos), tf.mul(rotated, sin)), 23);
      };
      // Interleaved pairs, as llama2.c rotates: swap each (x_2i, x_2i+1) with a rank-5 reverse.
      const g = (xi: tfjs.Tensor) =>
        weightedSum(tf, tf.reverse(tf.reshape(xi, [1, 4, 1, 3, 2]), -1), 27); // [1, T, 1, Dh/2, 2]
      return [f(x), tf.grad(f)(x), tf.reverse(tf.reshape(x, [1, 4, 1, 3, 2]), -1), tf.grad(g)(x)];
    },
  },
  {
    name: 'logSigmoid (@prefopt/core) and its gradient at ±30',
    run: (tf) => {
      const x = tf.tensor1d([...values(6, 24, 30), 30, -30]); // [8]
      const f = (xi: tfjs.Tensor) => weightedSum(tf, logSigmoid(xi), 25);
      return [logSigmoid(x), tf.grad(f)(x)];
    },
  },
  {
    name: 'reductions and elementwise: sum, mean, max, argMax, exp, log, sqrt, pow, where',
    run: (tf) => {
      const x = tf.tensor2d(values(24, 26, 2), [4, 6]); // [4, 6]
      const pos = tf.add(tf.abs(x), 0.1); // [4, 6]
      return [
        tf.sum(x, 1),
        tf.mean(x, 0),
        tf.max(x, 1),
        tf.cast(tf.argMax(x, 1), 'float32'),
        tf.exp(x),
        tf.log(pos),
        tf.sqrt(pos),
        tf.pow(pos, 1.5),
        tf.where(tf.greater(x, 0), x, tf.mul(x, 0.5)),
      ];
    },
  },
  {
    name: 'int32 index arithmetic (range·V + target), cast, reshape',
    run: (tf) => {
      const flat = tf.add(
        tf.mul(tf.range(0, 5, 1, 'int32'), tf.scalar(7, 'int32')),
        tf.tensor1d([6, 0, 3, 1, 2], 'int32'),
      ); // [5]
      return [tf.cast(flat, 'float32'), tf.reshape(tf.cast(flat, 'float32'), [5, 1])];
    },
  },
];
