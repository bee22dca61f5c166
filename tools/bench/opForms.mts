// Times op forms of the model's hot spots on one backend, forward + backward, so model
// changes can be chosen by measurement (docs/performance.md). Usage:
//   npx tsx --conditions=@prefopt/source tools/bench/opForms.mts [wasm|cpu|native|native-cpu]
import * as tf from '@tensorflow/tfjs';
import { cpuAdapter } from '@prefopt/backend-cpu';
import { nativeAdapter, nativeCpuAdapter } from '@prefopt/backend-native';
import { wasmAdapter } from '@prefopt/backend-wasm';
import { batchMatMul } from '../../packages/model/src/ops/batchMatMul';

const name = process.argv[2] ?? 'wasm';
const adapters = {
  cpu: cpuAdapter,
  wasm: wasmAdapter,
  native: nativeAdapter,
  'native-cpu': nativeCpuAdapter,
};
await adapters[name as keyof typeof adapters].activate({ threads: 1 });

/** Median ms of forward + backward (gradient w.r.t. the first argument) of `f(a, b)`. */
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
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    run();
    ms.push(performance.now() - t0);
  }
  ms.sort((p, q) => p - q);
  console.log(`${name.padEnd(10)} ${label.padEnd(44)} ${ms[reps >> 1].toFixed(1).padStart(8)} ms`);
}

// attention scores: [N·H, T, hd]·[N·H, hd, T], reference shape N = 8, H = 4, T = 127, hd = 64
const q = tf.randomNormal([32, 127, 64]);
const kT = tf.randomNormal([32, 64, 127]);
time(
  'attention QKᵀ, sliced 2-D matmuls (model)',
  (x, y) => batchMatMul(x as tf.Tensor3D, y as tf.Tensor3D),
  q,
  kT,
);
time('attention QKᵀ, one batched tf.matMul', (x, y) => tf.matMul(x, y), q, kT);

// rotary pair swap on [N, T, H, hd]: reverse of the last axis of [.., hd/2, 2] vs a matmul
const x = tf.randomNormal([8, 127, 4, 64]);
const rot = tf.tidy(() => {
  const r = new Float32Array(64 * 64); // swap(x)[2i] = x[2i+1], swap(x)[2i+1] = x[2i]
  for (let i = 0; i < 32; i++) {
    r[(2 * i + 1) * 64 + 2 * i] = 1;
    r[2 * i * 64 + 2 * i + 1] = 1;
  }
  return tf.tensor2d(r, [64, 64]);
});
time(
  'rotary swap, reverse of [.., hd/2, 2] (model)',
  (a) => tf.reshape(tf.reverse(tf.reshape(a, [8, 127, 4, 32, 2]), -1), [8, 127, 4, 64]),
  x,
  rot,
);
time(
  'rotary swap, [N·T·H, hd]·P matmul',
  (a, p) => tf.reshape(tf.matMul(tf.reshape(a, [-1, 64]), p), [8, 127, 4, 64]),
  x,
  rot,
);

// log-probs of targets from [R, V] logits, R = 8·127, V = 512
const logits = tf.randomNormal([1016, 512]);
const ids = tf.randomUniform([1016], 0, 512, 'int32');
const { tokenLogProbs } = await import('@prefopt/backend-native');
const { targetLogps } = await import('../../packages/model/src/llama/targetLogps');
time(
  'token log-probs: gather + logSumExp (model)',
  (l) => targetLogps(l as tf.Tensor2D, ids as tf.Tensor1D),
  logits,
  ids,
);
time(
  'token log-probs: fused tokenLogProbs',
  (l) => tokenLogProbs(l as tf.Tensor2D, ids as tf.Tensor1D),
  logits,
  ids,
);

// RMSNorm of [2B·T, D] = [1016, 256]: autodiff of tfjs ops vs the closed-form custom gradient
const h = tf.randomNormal([1016, 256]);
const gain = tf.ones([256]);
const { rmsNorm } = await import('@prefopt/backend-native');
const { rmsNorm: modelRmsNorm } = await import('../../packages/model/src/ops/rmsNorm');
time('rmsNorm: tfjs ops, autodiff (model)', (a, w) => modelRmsNorm(a as tf.Tensor2D, w as tf.Tensor1D, 1e-5), h, gain);
time('rmsNorm: fused rmsNorm, closed-form gradient', (a, w) => rmsNorm(a as tf.Tensor2D, w as tf.Tensor1D, 1e-5), h, gain);

