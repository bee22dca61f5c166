// A/B of the optimiser phase (global-norm clipping + AdamW) with and without the flatAdamW
// lever, alternating in one process on the reference model's variables (so machine load
// hits both alike). Gradients are TensorFlow-resident tensors; after each update every
// weight is used once (as the next forward would), so the flat path's upload is counted.
// Prints median wall and CPU ms per update. Usage (from the repository root):
//   npx tsx --conditions=@prefopt/source tools/bench/optimizerAB.mts [node|wasm|cpu] [rounds]
import * as tf from '@tensorflow/tfjs-core';
import { cpuAdapter } from '@prefopt/backend-cpu';
import { nodeAdapter } from '@prefopt/backend-node';
import { wasmAdapter } from '@prefopt/backend-wasm';
import { createModel } from '@prefopt/model';
import { AdamW } from '@prefopt/trainer';

const [name = 'node', roundsArg = '12'] = process.argv.slice(2);
const adapters = { node: nodeAdapter, wasm: wasmAdapter, cpu: cpuAdapter };
await adapters[name as keyof typeof adapters].activate({ threads: 1 });
const cfg = { dim: 256, hiddenDim: 688, layers: 4, heads: 4, kvHeads: 4, vocab: 512, seqLen: 128 };
const policy = createModel(cfg, { seed: 1 });
const vars = policy.trainableVariables as tf.Variable[];
const make = (levers: string) => {
  process.env.PREFOPT_LEVERS = levers;
  return new AdamW(vars, { weightDecay: 0.01 });
};
const optimizers = { plain: make('flatAdamW'), flat: make('') };
const times: Record<string, { wall: number[]; cpu: number[] }> = {};
const tensors0 = tf.memory().numTensors;
for (let r = 0; r < Number(roundsArg); r++) {
  for (const [key, opt] of Object.entries(optimizers)) {
    const grads = tf.tidy(() => vars.map((v) => tf.add(tf.randomNormal(v.shape, 0, 0.01), 0)));
    grads.forEach((g) => g.dataSync()); // computed before the clock starts
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const update = await opt.prepare(grads, 1);
    tf.dispose(grads);
    update.apply(1e-4);
    const sums = tf.tidy(() => vars.map((v) => tf.sum(v))); // first use of every weight
    sums.forEach((s) => s.dataSync());
    tf.dispose(sums);
    const wall = performance.now() - t0;
    const c = process.cpuUsage(c0);
    if (r < 2) continue; // warm-up
    (times[key] ??= { wall: [], cpu: [] }).wall.push(wall);
    times[key].cpu.push((c.user + c.system) / 1000);
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const [key, t] of Object.entries(times))
  console.log(
    `${name} ${key.padEnd(5)} optimiser phase: wall ${median(t.wall).toFixed(1)} ms, CPU ${median(t.cpu).toFixed(1)} ms (median of ${t.wall.length})`,
  );
console.log(`tensors before ${tensors0}, after ${tf.memory().numTensors}`);
