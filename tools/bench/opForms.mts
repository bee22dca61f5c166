// Times alternative op forms of the model's hot spots on one backend, forward + backward
// (gradient w.r.t. the first input), median of 9, so model changes are chosen by measurement
// (docs/performance.md). Usage:
//   npx tsx --conditions=@prefopt/source tools/bench/opForms.mts [wasm|cpu|native|native-cpu|node]
// On node, PREFOPT_LEVERS (e.g. `none`) switches the fused TensorFlow kernels off.
import * as tf from '@tensorflow/tfjs';
import { cpuAdapter } from '@prefopt/backend-cpu';
import { nativeAdapter, nativeCpuAdapter } from '@prefopt/backend-native';
import { nodeAdapter } from '@prefopt/backend-node';
import { batchMatMul, matMul2d, rmsNorm, scaledMaskedSoftmax, tokenLogProbs } from '@prefopt/model';
import { wasmAdapter } from '@prefopt/backend-wasm';

const name = process.argv[2] ?? 'wasm';
const adapters = {
  cpu: cpuAdapter,
  wasm: wasmAdapter,
  native: nativeAdapter,
  'native-cpu': nativeCpuAdapter,
  node: nodeAdapter,
};
await adapters[name as keyof typeof adapters].activate({ threads: 1 });

/**
 * Median ms of forward + backward (gradient w.r.t. the first argument) of `f(a, b)`: wall
 * clock and process CPU time (steadier on a busy machine).
 */
function time(
  label: string,
  f: (x: tf.Tensor, y: tf.Tensor) => tf.Tensor,
  a: tf.Tensor,
  b: tf.Tensor,
  reps = 9,
) {
  const g = tf.grad((x: tf.Tensor) => tf.sum(f(x, b)));
  // (dataSync inside, returning nothing: tidy walks every element of a returned typed array)
  const run = () => tf.tidy(() => void g(a).dataSync());
  run();
  const ms: number[] = [];
  const cpuMs: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    run();
    const c = process.cpuUsage(c0);
    ms.push(performance.now() - t0);
    cpuMs.push((c.user + c.system) / 1000);
  }
  const median = (xs: number[]) =>
    [...xs]
      .sort((p, q) => p - q)
      [reps >> 1].toFixed(1)
      .padStart(8);
  console.log(`${name.padEnd(10)} ${label.padEnd(46)} ${median(ms)} ms ${median(cpuMs)} CPU ms`);
}

// attention scores [N·H, T, hd]·[N·H, hd, T] at the reference shape (N = 8, H = 4, T = 127, hd = 64)
const q = tf.randomNormal([32, 127, 64]);
const kT = tf.randomNormal([32, 64, 127]);
const sliced = (a: tf.Tensor, b: tf.Tensor) =>
  tf.stack(
    tf.unstack(a).map((ai, i) => tf.matMul(ai as tf.Tensor2D, tf.unstack(b)[i] as tf.Tensor2D)),
  );
time('attention QKᵀ: 32 sliced 2-D matmuls', sliced, q, kT);
time(
  'attention QKᵀ: one batched matmul (model)',
  (a, b) => batchMatMul(a as tf.Tensor3D, b as tf.Tensor3D),
  q,
  kT,
);

// rotary pair swap on [N, T, H, hd]: reverse of the last axis of [.., hd/2, 2], or a matmul
const x = tf.randomNormal([8, 127, 4, 64]);
const swap = tf.tidy(() => {
  const r = new Float32Array(64 * 64); // swap(x)[2i] = x[2i+1], swap(x)[2i+1] = x[2i]
  for (let i = 0; i < 32; i++) {
    r[(2 * i + 1) * 64 + 2 * i] = 1;
    r[2 * i * 64 + 2 * i + 1] = 1;
  }
  return tf.tensor2d(r, [64, 64]);
});
time(
  'rotary swap: reverse of [.., hd/2, 2] (model)',
  (a) => tf.reshape(tf.reverse(tf.reshape(a, [8, 127, 4, 32, 2]), -1), [8, 127, 4, 64]),
  x,
  swap,
);
time(
  'rotary swap: [N·T·H, hd]·P matmul',
  (a, p) => tf.reshape(tf.matMul(tf.reshape(a, [-1, 64]), p), [8, 127, 4, 64]),
  x,
  swap,
);

// log-probs of the targets from [R, V] logits, R = 8·127, V = 512
const logits = tf.randomNormal([1016, 512]);
const ids = tf.randomUniform([1016], 0, 512, 'int32') as tf.Tensor1D;
const flat = tf.add(tf.mul(tf.range(0, 1016, 1, 'int32'), tf.scalar(512, 'int32')), ids); // [R]
time(
  'token log-probs: gather − logSumExp, autodiff',
  (l) => tf.sub(tf.gather(tf.reshape(l, [-1]), flat), tf.logSumExp(l, 1)),
  logits,
  ids,
);
time(
  'token log-probs: fused tokenLogProbs',
  (l) => tokenLogProbs(l as tf.Tensor2D, ids),
  logits,
  ids,
);

// RMSNorm of [2B·T, D] = [1016, 256]
const h = tf.randomNormal([1016, 256]);
const gain = tf.ones([256]);
time(
  'rmsNorm: tfjs ops, autodiff',
  (a, w) => tf.mul(tf.mul(a, tf.rsqrt(tf.add(tf.mean(tf.square(a), -1, true), 1e-5))), w),
  h,
  gain,
);
time(
  'rmsNorm: rmsNorm (fused where the kernel exists)',
  (a, w) => rmsNorm(a as tf.Tensor2D, w as tf.Tensor1D, 1e-5),
  h,
  gain,
);

// projection [2B·T, D]·[D, hidden] = [1016, 256]·[256, 688], gradient w.r.t. both
time(
  'projection: matMul2d (model), d/dx',
  (a, w) => matMul2d(a as tf.Tensor2D, w as tf.Tensor2D),
  h,
  tf.randomNormal([256, 688]),
);
time(
  'projection: matMul2d (model), d/dw',
  (w, a) => matMul2d(a as tf.Tensor2D, w as tf.Tensor2D),
  tf.randomNormal([256, 688]),
  h,
);

// attention probabilities softmax(x·scale + mask) of [N·H, T, T] = [32, 127, 127]
const scores = tf.randomNormal([32, 127, 127]);
const causal = tf.tidy(() =>
  tf.mul(tf.sub(tf.linalg.bandPart(tf.ones([127, 127]), -1, 0), 1), 1e9),
);
time(
  'attention softmax: scaledMaskedSoftmax (model)',
  (a, m) => scaledMaskedSoftmax(a as tf.Tensor3D, m as tf.Tensor2D, 0.125),
  scores,
  causal,
);
