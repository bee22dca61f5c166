import * as tf from '@tensorflow/tfjs';
import { wasmAdapter } from '@prefopt/backend-wasm';
import { tokenLogProbs } from '@prefopt/backend-native';
await wasmAdapter.activate();
const name = tf.getBackend();
const acc = new Map<string, { ms: number; n: number }>();
for (const k of tf.getKernelsForBackend(name)) {
  const f = k.kernelFunc;
  tf.unregisterKernel(k.kernelName, name);
  tf.registerKernel({ ...k, kernelFunc: (args) => { const t = performance.now(); const out = f(args); const e = acc.get(k.kernelName) ?? { ms: 0, n: 0 }; e.ms += performance.now() - t; e.n++; acc.set(k.kernelName, e); return out; } });
}
const logits = tf.randomNormal([1016, 512]);
const ids = tf.randomUniform([1016], 0, 512, 'int32');
const g = tf.grad((l: tf.Tensor) => tf.sum(tokenLogProbs(l as tf.Tensor2D, ids as tf.Tensor1D)));
for (let i = 0; i < 3; i++) { acc.clear(); const t0 = performance.now(); tf.tidy(() => g(logits).dataSync()); console.log('total', (performance.now() - t0).toFixed(1)); }
for (const [k, v] of [...acc.entries()].sort((a, b) => b[1].ms - a[1].ms)) console.log(k.padEnd(20), v.ms.toFixed(1), v.n);
