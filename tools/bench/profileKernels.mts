// Times every tfjs kernel of one training step (SimPO, after one warm-up step) on a backend,
// by wrapping each registered kernel: which kernels a step spends its time in
// (docs/performance.md). Usage:
//   npx tsx --conditions=@prefopt/source tools/bench/profileKernels.mts [native|wasm|cpu|native-cpu|node] [model-config JSON]
// Per kernel: wall ms, process CPU ms (steadier on a busy machine) and calls.
import * as tf from '@tensorflow/tfjs';
import { cpuAdapter } from '@prefopt/backend-cpu';
import { nativeAdapter, nativeCpuAdapter } from '@prefopt/backend-native';
import { nodeAdapter } from '@prefopt/backend-node';
import { wasmAdapter } from '@prefopt/backend-wasm';
import { createModel } from '@prefopt/model';
import { simpo } from '@prefopt/objective-simpo';
import { AdamW } from '@prefopt/trainer';
import { syntheticBatch, timedStep } from '@prefopt/recipes';

const [name = 'native', config] = process.argv.slice(2);
const adapters = {
  cpu: cpuAdapter,
  wasm: wasmAdapter,
  native: nativeAdapter,
  'native-cpu': nativeCpuAdapter,
  node: nodeAdapter,
};
await adapters[name as keyof typeof adapters].activate({ threads: 1 });

const backend = tf.getBackend();
const spent = new Map<string, { ms: number; cpuMs: number; calls: number }>();
for (const kernel of tf.getKernelsForBackend(backend)) {
  const run = kernel.kernelFunc;
  tf.unregisterKernel(kernel.kernelName, backend);
  tf.registerKernel({
    ...kernel,
    kernelFunc: (args) => {
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      const out = run(args);
      const c = process.cpuUsage(c0);
      const e = spent.get(kernel.kernelName) ?? { ms: 0, cpuMs: 0, calls: 0 };
      e.ms += performance.now() - t0;
      e.cpuMs += (c.user + c.system) / 1000;
      e.calls += 1;
      spent.set(kernel.kernelName, e);
      return out;
    },
  });
}

const cfg = config
  ? JSON.parse(config)
  : { dim: 256, hiddenDim: 688, layers: 4, heads: 4, kvHeads: 4, vocab: 512, seqLen: 128 };
const policy = createModel(cfg, { seed: 1 });
const optimizer = new AdamW(policy.trainableVariables as tf.Variable[]);
const batch = syntheticBatch(4, cfg.seqLen, cfg.vocab, 2);
const parts = { policy, objective: simpo(), optimizer, lr: 1e-4, maxGradNorm: 1 };
await timedStep(parts, batch);
spent.clear();
const { times } = await timedStep(parts, batch);
const rows = [...spent.entries()].sort((a, b) => b[1].ms - a[1].ms);
const total = rows.reduce((s, [, v]) => s + v.ms, 0);
const totalCpu = rows.reduce((s, [, v]) => s + v.cpuMs, 0);
console.log(
  `${name} (tfjs ${backend}): step ${times.step.toFixed(1)} ms, CPU ${times.stepCpu.toFixed(1)} ms, kernels ${total.toFixed(1)} ms, CPU ${totalCpu.toFixed(1)} ms`,
);
for (const [k, v] of rows.slice(0, 25))
  console.log(
    `${k.padEnd(32)} ${v.ms.toFixed(1).padStart(8)} ms ${v.cpuMs.toFixed(1).padStart(8)} CPU ms ${String(v.calls).padStart(5)} calls`,
  );
optimizer.dispose();
policy.dispose();
