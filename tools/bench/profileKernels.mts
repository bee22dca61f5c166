// Times every tfjs kernel of one training step (SimPO, after one warm-up step) on a backend,
// by wrapping each registered kernel: which kernels a step spends its time in
// (docs/performance.md). Usage:
//   npx tsx --conditions=@prefopt/source tools/bench/profileKernels.mts [native|wasm|cpu|native-cpu] [model-config JSON]
import * as tf from '@tensorflow/tfjs';
import { cpuAdapter } from '@prefopt/backend-cpu';
import { nativeAdapter, nativeCpuAdapter } from '@prefopt/backend-native';
import { wasmAdapter } from '@prefopt/backend-wasm';
import { createModel } from '@prefopt/model';
import { simpo } from '@prefopt/objective-simpo';
import { AdamW } from '@prefopt/trainer';
import { syntheticBatch } from '../../apps/cli/src/bench/syntheticBatch';
import { timedStep } from '../../apps/cli/src/bench/timedStep';

const [name = 'native', config] = process.argv.slice(2);
const adapters = {
  cpu: cpuAdapter,
  wasm: wasmAdapter,
  native: nativeAdapter,
  'native-cpu': nativeCpuAdapter,
};
await adapters[name as keyof typeof adapters].activate({ threads: 1 });

const backend = tf.getBackend();
const spent = new Map<string, { ms: number; calls: number }>();
for (const kernel of tf.getKernelsForBackend(backend)) {
  const run = kernel.kernelFunc;
  tf.unregisterKernel(kernel.kernelName, backend);
  tf.registerKernel({
    ...kernel,
    kernelFunc: (args) => {
      const t0 = performance.now();
      const out = run(args);
      const e = spent.get(kernel.kernelName) ?? { ms: 0, calls: 0 };
      e.ms += performance.now() - t0;
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
console.log(
  `${name} (tfjs ${backend}): step ${times.step.toFixed(1)} ms, CPU ${times.stepCpu.toFixed(1)} ms, kernels ${total.toFixed(1)} ms`,
);
for (const [k, v] of rows.slice(0, 25))
  console.log(
    `${k.padEnd(32)} ${v.ms.toFixed(1).padStart(8)} ms ${String(v.calls).padStart(5)} calls`,
  );
optimizer.dispose();
policy.dispose();
