// Times one forward + backward of a small Llama (Σ sequenceLogps, all weight gradients)
// per backend, reading results with `await data()` so webgpu runs too.
//   node --conditions=@prefopt/source --import tsx tools/backends/timeModelStep.ts [cpu wasm webgpu]
// Prints one JSON line per backend: {backend, device, medianMs, steps}.
import * as tf from '@tensorflow/tfjs';
import type { BackendAdapter } from '@prefopt/core';
import { cpuAdapter } from '@prefopt/backend-cpu';
import { wasmAdapter } from '@prefopt/backend-wasm';
import { webgpuAdapter } from '@prefopt/backend-webgpu';
import { createModel } from '@prefopt/model';

const adapters: Record<string, BackendAdapter> = {
  cpu: cpuAdapter,
  wasm: wasmAdapter,
  webgpu: webgpuAdapter,
};
const names = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(adapters);
const config = { dim: 64, hiddenDim: 172, layers: 2, heads: 4, kvHeads: 4, vocab: 512, seqLen: 64 };
const T = 64;
const batch = {
  size: 2,
  seqLen: T,
  inputIds: Int32Array.from({ length: 4 * T }, (_, i) => (i * 7) % config.vocab), // [2B, T]
  completionMask: Float32Array.from({ length: 4 * T }, (_, i) => (i % T >= 16 ? 1 : 0)), // [2B, T]
};
const STEPS = 5;

for (const name of names) {
  const adapter = adapters[name];
  if (!(await adapter.isAvailable())) {
    console.log(JSON.stringify({ backend: name, skipped: 'not available' }));
    continue;
  }
  await adapter.activate();
  const device = (await adapter.deviceInfo?.())?.description;
  const model = createModel(config, { seed: 1 });
  const times: number[] = [];
  for (let i = 0; i <= STEPS; i++) {
    const start = performance.now();
    const { value, grads } = tf.variableGrads(() => {
      const r = model.sequenceLogps(batch);
      return tf.add(tf.sum(r.logps.chosen), tf.sum(r.logps.rejected)) as tf.Scalar;
    }, model.trainableVariables as tf.Variable[]);
    await Promise.all([value, ...Object.values(grads)].map((t) => t.data()));
    tf.dispose([value, ...Object.values(grads)]);
    if (i > 0) times.push(performance.now() - start); // step 0 warms up (kernel compile)
  }
  model.dispose();
  times.sort((a, b) => a - b);
  console.log(
    JSON.stringify({
      backend: name,
      device,
      medianMs: Number(times[times.length >> 1].toFixed(1)),
      steps: STEPS,
    }),
  );
}
