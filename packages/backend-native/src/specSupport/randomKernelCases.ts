import * as tf from '@tensorflow/tfjs';
import { rmsNorm, scaledMaskedSoftmax, tokenLogProbs } from '@prefopt/model';
import { unfusedRmsNorm, unfusedScaledMaskedSoftmax } from './unfusedReferences';
import { unfusedTokenLogProbs } from './unfusedTokenLogProbs';

/**
 * One random case of one kernel: `run(fused)` builds its tensors from fixed data and returns
 * the values (and gradients) to compare. `fused` false is the plain tfjs path (the unfused
 * reference for prefopt's own ops), run on the cpu backend; true runs on a native backend.
 */
export interface RandomCase {
  kernel: string;
  /** Shapes and flags, enough to rebuild the case by hand. */
  label: string;
  run: (fused: boolean) => tf.Tensor[];
}

/** Dimension sizes drawn: edge size 1 often, odd and power-of-two sizes around it. */
const DIMS = [1, 1, 2, 3, 5, 7, 8, 13, 16, 17, 31, 33];

type Rng = () => number;
const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)];
const dim = (rng: Rng) => pick(rng, DIMS);
/** Normal-ish values (sum of uniforms) of `shape`, times `scale`. */
function values(rng: Rng, shape: number[], scale = 1): () => tf.Tensor {
  const n = shape.reduce((a, b) => a * b, 1);
  const data = Float32Array.from({ length: n }, () => (rng() + rng() + rng() - 1.5) * 2 * scale);
  return () => tf.tensor(data, shape, 'float32');
}

function matMulCase(rng: Rng): RandomCase {
  const [m, n, k] = [dim(rng), dim(rng), rng() < 0.1 ? 0 : dim(rng)];
  const [ta, tb] = [rng() < 0.5, rng() < 0.5];
  const batch = pick(rng, [[], [dim(rng) % 4 || 1], [dim(rng) % 4 || 1], [2, 3]]);
  const mode = batch.length ? pick(rng, ['same', 'a broadcast', 'b broadcast']) : 'same';
  const batchA = mode === 'a broadcast' ? [] : batch;
  const batchB = mode === 'b broadcast' ? [1] : batch;
  const sa = [...batchA, ...(ta ? [k, m] : [m, k])];
  const sb = [...batchB, ...(tb ? [n, k] : [k, n])];
  const [a, b] = [values(rng, sa), values(rng, sb)];
  const u = values(rng, [...batch, m, n]);
  return {
    kernel: 'BatchMatMul',
    label: `[${sa}]${ta ? 'ᵀ' : ''}·[${sb}]${tb ? 'ᵀ' : ''}`,
    run: () => {
      const [x, y] = [a(), b()];
      const c = tf.matMul(x, y, ta, tb);
      // tfjs 4.22's BatchMatMul gradient does not reduce broadcast batch dims: values only.
      if (mode !== 'same') return [c];
      const f = (p: tf.Tensor, q: tf.Tensor) => tf.sum(tf.mul(tf.matMul(p, q, ta, tb), u()));
      return [c, ...tf.grads(f)([x, y])];
    },
  };
}

function fusedMatMulCase(rng: Rng): RandomCase {
  const [m, n, k] = [dim(rng), dim(rng), dim(rng)];
  const [a, b, bias] = [values(rng, [m, k]), values(rng, [k, n]), values(rng, [n])];
  return {
    kernel: '_FusedMatMul',
    label: `[${m},${k}]·[${k},${n}], with and without bias + relu`,
    run: () => [
      tf.fused.matMul({ a: a(), b: b() }),
      tf.fused.matMul({ a: a(), b: b(), bias: bias(), activation: 'relu' }),
    ],
  };
}

function softmaxCase(rng: Rng): RandomCase {
  const shape = [...pick(rng, [[], [dim(rng)], [2, dim(rng)]]), rng() < 0.1 ? 0 : dim(rng)];
  if (rng() < 0.1) shape[0] = 0; // no rows at all
  const [x, w] = [values(rng, shape, 4), values(rng, shape)];
  return {
    kernel: 'Softmax',
    label: `[${shape}]`,
    run: () => {
      const f = (y: tf.Tensor) => tf.sum(tf.mul(tf.softmax(y), w()));
      return [tf.softmax(x()), tf.grad(f)(x())];
    },
  };
}

function reverseCase(rng: Rng): RandomCase {
  const shape = [...pick(rng, [[], [dim(rng)], [3, dim(rng)]]), dim(rng)];
  const [x, w] = [values(rng, shape), values(rng, shape)];
  return {
    kernel: 'Reverse',
    label: `[${shape}] along the last axis`,
    run: () => [
      tf.reverse(x(), -1),
      tf.grad((y: tf.Tensor) => tf.sum(tf.mul(tf.reverse(y, -1), w())))(x()),
    ],
  };
}

function stackCase(rng: Rng): RandomCase {
  const part = pick(rng, [[], [dim(rng)], [dim(rng), dim(rng)]]);
  const count = 1 + Math.floor(rng() * 5);
  const parts = Array.from({ length: count }, () => values(rng, part));
  return {
    kernel: 'Pack',
    label: `${count} × [${part}] stacked, then unstacked`,
    run: () => {
      const stacked = tf.stack(parts.map((p) => p())); // [count, ...part]
      return [stacked, ...tf.unstack(stacked)];
    },
  };
}

function tokenLogProbsCase(rng: Rng): RandomCase {
  const [rows, vocab] = [dim(rng), dim(rng)];
  const x = values(rng, [rows, vocab], 3);
  const targets = Int32Array.from({ length: rows }, () => Math.floor(rng() * vocab));
  const w = Float32Array.from({ length: rows }, () => (rng() < 0.3 ? 0 : rng() * 4 - 2));
  return {
    kernel: 'tokenLogProbs',
    label: `logits [${rows},${vocab}]`,
    run: (fused) => {
      const op = fused ? tokenLogProbs : unfusedTokenLogProbs;
      const t = tf.tensor1d(targets, 'int32');
      const f = (y: tf.Tensor) => tf.sum(tf.mul(op(y as tf.Tensor2D, t), tf.tensor1d(w)));
      return [op(x() as tf.Tensor2D, t), tf.grad(f)(x())];
    },
  };
}

function rmsNormCase(rng: Rng): RandomCase {
  const [rows, cols] = [dim(rng), dim(rng)];
  const [x, w, u] = [values(rng, [rows, cols], 2), values(rng, [cols]), values(rng, [rows, cols])];
  const eps = pick(rng, [1e-5, 1e-6, 0.1]);
  return {
    kernel: 'rmsNorm',
    label: `x [${rows},${cols}], eps ${eps}`,
    run: (fused) => {
      const op = fused ? rmsNorm : unfusedRmsNorm;
      const f = (p: tf.Tensor, q: tf.Tensor) =>
        tf.sum(tf.mul(op(p as tf.Tensor2D, q as tf.Tensor1D, eps), u()));
      return [op(x() as tf.Tensor2D, w() as tf.Tensor1D, eps), ...tf.grads(f)([x(), w()])];
    },
  };
}

function scaledMaskedSoftmaxCase(rng: Rng): RandomCase {
  const [s, tq] = [dim(rng) % 5 || 1, dim(rng)];
  const tk = rng() < 0.4 ? tq : dim(rng); // square (self-attention) often
  const causal = tq === tk && rng() < 0.5;
  const mask = causal
    ? () => tf.mul(tf.sub(1, tf.linalg.bandPart(tf.ones([tq, tk]), -1, 0)), -1e9)
    : values(rng, [tq, tk], 3);
  const [x, w] = [values(rng, [s, tq, tk], 4), values(rng, [s, tq, tk])];
  const scale = pick(rng, [1, 0.125, 0.5773]);
  return {
    kernel: 'scaledMaskedSoftmax',
    label: `x [${s},${tq},${tk}], ${causal ? 'causal' : 'random'} mask, scale ${scale}`,
    run: (fused) => {
      const op = fused ? scaledMaskedSoftmax : unfusedScaledMaskedSoftmax;
      const m = mask() as tf.Tensor2D;
      const f = (y: tf.Tensor) => tf.sum(tf.mul(op(y as tf.Tensor3D, m, scale), w()));
      return [op(x() as tf.Tensor3D, m, scale), tf.grad(f)(x())];
    },
  };
}

/** Every kernel's case generator, in a fixed order. */
export const RANDOM_CASES: ((rng: Rng) => RandomCase)[] = [
  matMulCase,
  fusedMatMulCase,
  softmaxCase,
  reverseCase,
  stackCase,
  tokenLogProbsCase,
  rmsNormCase,
  scaledMaskedSoftmaxCase,
];
