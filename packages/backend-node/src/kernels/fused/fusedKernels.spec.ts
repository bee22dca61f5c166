import * as tf from '@tensorflow/tfjs';
import { batchMatMul, matMul2d, rmsNorm, scaledMaskedSoftmax, tokenLogProbs } from '@prefopt/model';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { nodeAdapter } from '../../nodeAdapter';
import { nodeFusedLevers, syncNodeFusedKernels } from './registerFusedKernels';

// Every fused kernel against the plain tfjs path of the same op on the same backend
// (the lever switched off): values and gradients within float32 tolerance, and no tensor
// left behind.
const ready = await nodeAdapter.isAvailable();
if (!ready)
  console.log(
    '[skip] tfjs-node fused kernels: @tensorflow/tfjs-node is not set up here (npm ci does it: docs/backends.md).',
  );

/** Runs `f` with only the named lever's kernels switched off (`'none'`: all off). */
function withLevers<T>(disabled: string, f: () => T): T {
  const saved = process.env.PREFOPT_LEVERS;
  process.env.PREFOPT_LEVERS = disabled;
  syncNodeFusedKernels();
  try {
    return f();
  } finally {
    if (saved === undefined) delete process.env.PREFOPT_LEVERS;
    else process.env.PREFOPT_LEVERS = saved;
    syncNodeFusedKernels();
  }
}

/** Value and gradients (w.r.t. every input) of sum(f(...xs)·weights), read back, no leftovers. */
function valueAndGrads(f: (...xs: tf.Tensor[]) => tf.Tensor, xs: tf.Tensor[], weights: tf.Tensor) {
  const before = tf.memory().numTensors;
  const { value, grads } = tf.tidy(() => {
    const y = f(...xs);
    const gs = tf.grads((...ins: tf.Tensor[]) => tf.sum(tf.mul(f(...ins), weights)))(xs);
    return { value: y, grads: gs };
  });
  const read = {
    value: Array.from(value.dataSync()),
    grads: grads.map((g) => Array.from(g.dataSync())),
  };
  tf.dispose([value, ...grads]);
  expect(tf.memory().numTensors).toBe(before);
  return read;
}

function expectClose(actual: number[], expected: number[], atol = 1e-5, rtol = 1e-4) {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < actual.length; i++) {
    const tol = atol + rtol * Math.abs(expected[i]);
    if (!(Math.abs(actual[i] - expected[i]) <= tol))
      expect.fail(`[${i}] = ${actual[i]}, plain path gave ${expected[i]} (tolerance ${tol})`);
  }
}

/** The fused run (its lever on) against the plain one (lever off), and that the kernel ran. */
function checkLever(
  lever: string,
  f: (...xs: tf.Tensor[]) => tf.Tensor,
  xs: tf.Tensor[],
  weights: tf.Tensor,
) {
  const kernel = nodeFusedLevers[lever][0].kernelName;
  const fused = withLevers('', () => {
    expect(tf.getKernel(kernel, 'tensorflow')).toBeDefined();
    return valueAndGrads(f, xs, weights);
  });
  const plain = withLevers(lever, () => {
    expect(tf.getKernel(kernel, 'tensorflow')).toBeUndefined();
    return valueAndGrads(f, xs, weights);
  });
  expectClose(fused.value, plain.value);
  fused.grads.forEach((g, i) => expectClose(g, plain.grads[i]));
}

describe.skipIf(!ready)(
  'fused TensorFlow kernels on tfjs-node (against the plain tfjs path)',
  () => {
    const made: tf.Tensor[] = [];
    const keep = <T extends tf.Tensor>(t: T): T => (made.push(t), t);

    beforeAll(async () => {
      await nodeAdapter.activate();
    });
    afterEach(() => {
      tf.dispose(made.splice(0));
    });

    it('token log-probs by hand: logits [0, 0, ln 2], target 2', () => {
      const logits = keep(tf.tensor2d([[0, 0, Math.log(2)]]));
      const targets = keep(tf.tensor1d([2], 'int32'));
      const { value, grads } = valueAndGrads(
        (l) => tokenLogProbs(l as tf.Tensor2D, targets),
        [logits],
        keep(tf.ones([1])),
      );
      expectClose(value, [Math.log(0.5)]);
      expectClose(grads[0], [-0.25, -0.25, 0.5]); // onehot − softmax
    });

    it('node-fused-logprobs: SparseSoftmaxCrossEntropyWithLogits', () => {
      const logits = keep(tf.randomNormal([37, 29], 0, 3, 'float32', 1));
      const targets = keep(tf.randomUniform([37], 0, 29, 'int32', 2)) as tf.Tensor1D;
      const w = keep(tf.randomNormal([37], 0, 1, 'float32', 3));
      checkLever(
        'node-fused-logprobs',
        (l) => tokenLogProbs(l as tf.Tensor2D, targets),
        [logits],
        w,
      );
    });

    it('node-fused-rmsnorm: forward and closed-form gradient (x and weight)', () => {
      const x = keep(tf.randomNormal([13, 24], 0, 2, 'float32', 4));
      const weight = keep(tf.randomNormal([24], 1, 0.3, 'float32', 5));
      const w = keep(tf.randomNormal([13, 24], 0, 1, 'float32', 6));
      checkLever(
        'node-fused-rmsnorm',
        (a, b) => rmsNorm(a as tf.Tensor2D, b as tf.Tensor1D, 1e-5),
        [x, weight],
        w,
      );
    });

    it('node-fused-softmax: scale + causal mask + Softmax, gradient from the output', () => {
      const x = keep(tf.randomNormal([6, 9, 9], 0, 2, 'float32', 7));
      const w = keep(tf.randomNormal([6, 9, 9], 0, 1, 'float32', 8));
      // the mask is made and disposed inside the forward's own tidy, as the model's attention
      // does: the backward must not read it
      const attend = (a: tf.Tensor) =>
        tf.tidy(() => {
          const mask = tf.mul(tf.sub(tf.linalg.bandPart(tf.ones([9, 9]), -1, 0), 1), 1e9); // 0 / −1e9
          return scaledMaskedSoftmax(a as tf.Tensor3D, mask as tf.Tensor2D, 0.125);
        });
      checkLever('node-fused-softmax', attend, [x], w);
    });

    it('node-matmul-transpose-flags: batched [S, M, K]·[S, K, N] gradients', () => {
      const a = keep(tf.randomNormal([5, 7, 11], 0, 1, 'float32', 9));
      const b = keep(tf.randomNormal([5, 11, 3], 0, 1, 'float32', 10));
      const w = keep(tf.randomNormal([5, 7, 3], 0, 1, 'float32', 11));
      checkLever(
        'node-matmul-transpose-flags',
        (p, q) => batchMatMul(p as tf.Tensor3D, q as tf.Tensor3D),
        [a, b],
        w,
      );
    });

    it('node-matmul-transpose-flags: 2-D [M, K]·[K, N] gradients', () => {
      const a = keep(tf.randomNormal([17, 8], 0, 1, 'float32', 12));
      const b = keep(tf.randomNormal([8, 19], 0, 1, 'float32', 13));
      const w = keep(tf.randomNormal([17, 19], 0, 1, 'float32', 14));
      checkLever(
        'node-matmul-transpose-flags',
        (p, q) => matMul2d(p as tf.Tensor2D, q as tf.Tensor2D),
        [a, b],
        w,
      );
    });

    it('edge shapes: two classes, one row, zero rows', () => {
      const two = keep(
        tf.tensor2d([
          [2.5, 40],
          [-1, -1],
        ]),
      ); // (tfjs's own oneHot needs 2+ classes)
      const zeroIds = keep(tf.tensor1d([0, 0], 'int32')) as tf.Tensor1D;
      checkLever(
        'node-fused-logprobs',
        (l) => tokenLogProbs(l as tf.Tensor2D, zeroIds),
        [two],
        keep(tf.ones([2])),
      );
      const row = keep(tf.tensor2d([[3, -4]]));
      checkLever(
        'node-fused-rmsnorm',
        (a) => rmsNorm(a as tf.Tensor2D, keep(tf.ones([2])), 1e-5),
        [row],
        keep(tf.ones([1, 2])),
      );
      const empty = keep(tf.zeros([0, 5]));
      const noIds = keep(tf.zeros([0], 'int32')) as tf.Tensor1D;
      checkLever(
        'node-fused-logprobs',
        (l) => tokenLogProbs(l as tf.Tensor2D, noIds),
        [empty],
        keep(tf.zeros([0])),
      );
      checkLever(
        'node-matmul-transpose-flags',
        (a, b) => matMul2d(a as tf.Tensor2D, b as tf.Tensor2D),
        [empty, keep(tf.ones([5, 3]))],
        keep(tf.zeros([0, 3])),
      );
    });

    it('PREFOPT_LEVERS=none unregisters every fused kernel; unset registers them again', () => {
      const names = Object.values(nodeFusedLevers).flatMap((c) => c.map((k) => k.kernelName));
      withLevers('none', () => {
        for (const n of names) expect(tf.getKernel(n, 'tensorflow'), n).toBeUndefined();
      });
      for (const n of names) expect(tf.getKernel(n, 'tensorflow'), n).toBeDefined();
    });
  },
);
