// How much of a training step runs on TensorFlow's thread pools (parallelisable by
// --threads) and how much on Node's main thread (tfjs's per-op work, the flatAdamW pass):
// per-thread CPU time from /proc/self/task over a few SimPO steps on backend node, and
// Amdahl's bound on the 2-thread speed-up that follows. Load-independent (CPU time), Linux
// only. Usage: npx tsx --conditions=@prefopt/source tools/bench/threadSplit.mts [threads] [steps]
import { readdirSync, readFileSync } from 'node:fs';
import type * as tf from '@tensorflow/tfjs-core';
import { nodeAdapter } from '@prefopt/backend-node';
import { createModel } from '@prefopt/model';
import { simpo } from '@prefopt/objective-simpo';
import { syntheticBatch, timedStep } from '@prefopt/recipes';
import { AdamW } from '@prefopt/trainer';

const [threads = '1', stepsArg = '4'] = process.argv.slice(2);
await nodeAdapter.activate({ threads: Number(threads) });
const cfg = { dim: 256, hiddenDim: 688, layers: 4, heads: 4, kvHeads: 4, vocab: 512, seqLen: 128 };
const policy = createModel(cfg, { seed: 1 });
const optimizer = new AdamW(policy.trainableVariables as tf.Variable[]);
const batch = syntheticBatch(4, cfg.seqLen, cfg.vocab, 2);
const parts = { policy, objective: simpo(), optimizer, lr: 1e-4, maxGradNorm: 1 };

/** CPU ms per thread id (utime + stime, clock ticks of 10 ms). */
function threadCpu(): Map<string, number> {
  const out = new Map<string, number>();
  for (const tid of readdirSync('/proc/self/task')) {
    const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    out.set(tid, (Number(fields[11]) + Number(fields[12])) * 10); // utime, stime
  }
  return out;
}
await timedStep(parts, batch); // warm-up
await timedStep(parts, batch);
const before = threadCpu();
let wall = 0;
const steps = Number(stepsArg);
for (let i = 0; i < steps; i++) wall += (await timedStep(parts, batch)).times.step;
const after = threadCpu();
const main = String(process.pid);
let mainMs = 0;
let otherMs = 0;
for (const [tid, ms] of after) {
  const d = ms - (before.get(tid) ?? 0);
  if (tid === main) mainMs += d;
  else otherMs += d;
}
const total = mainMs + otherMs;
console.log(
  `threads ${threads}: per step main thread ${(mainMs / steps).toFixed(0)} ms CPU, other threads ` +
    `${(otherMs / steps).toFixed(0)} ms CPU, wall ${(wall / steps).toFixed(0)} ms; ` +
    `off the main thread ${((100 * otherMs) / total).toFixed(0)} %`,
);
optimizer.dispose();
policy.dispose();
