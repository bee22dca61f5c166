import * as tf from '@tensorflow/tfjs';
import { createModel } from '@prefopt/model';
import { simpo } from '@prefopt/objective-simpo';
import { AdamW } from '@prefopt/trainer';
import { cpuAdapter } from '@prefopt/backend-cpu';
import { wasmAdapter } from '@prefopt/backend-wasm';
import { nativeAdapter, nativeCpuAdapter } from '@prefopt/backend-native';
import { syntheticBatch } from '../../apps/cli/src/bench/syntheticBatch';
import { timedStep } from '../../apps/cli/src/bench/timedStep';
const [backend, dimsArg] = process.argv.slice(2);
const adapter = {
  cpu: cpuAdapter,
  wasm: wasmAdapter,
  native: nativeAdapter,
  'native-cpu': nativeCpuAdapter,
}[backend]!;
await adapter.activate({ threads: 1 });
const name = tf.getBackend();
const acc = new Map<string, { ms: number; n: number }>();
for (const k of tf.getKernelsForBackend(name)) {
  const f = k.kernelFunc;
  tf.unregisterKernel(k.kernelName, name);
  tf.registerKernel({
    ...k,
    kernelFunc: (args) => {
      const t = performance.now();
      const out = f(args);
      const e = acc.get(k.kernelName) ?? { ms: 0, n: 0 };
      e.ms += performance.now() - t;
      e.n++;
      acc.set(k.kernelName, e);
      return out;
    },
  });
}
const cfg = dimsArg
  ? JSON.parse(dimsArg)
  : { dim: 256, hiddenDim: 688, layers: 4, heads: 4, kvHeads: 4, vocab: 512, seqLen: 128 };
const policy = createModel(cfg, { seed: 1 });
const opt = new AdamW(policy.trainableVariables as tf.Variable[]);
const batch = syntheticBatch(4, cfg.seqLen, cfg.vocab, 2);
const parts = { policy, objective: simpo(), optimizer: opt, lr: 1e-4 };
timedStep(parts, batch);
acc.clear();
const r = timedStep(parts, batch);
console.log(JSON.stringify(r.times));
const rows = [...acc.entries()].sort((a, b) => b[1].ms - a[1].ms);
let total = 0;
for (const [, v] of rows) total += v.ms;
console.log('kernel total', total.toFixed(0));
for (const [k, v] of rows.slice(0, 25))
  console.log(k.padEnd(24), v.ms.toFixed(1).padStart(8), String(v.n).padStart(5));
