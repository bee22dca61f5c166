// A/B of the fused-op levers of the node backend (docs/performance.md, "Levers on the default
// engine (node)") in ONE process: the reference SimPO step (model, objective, AdamW as
// profileKernels.mts builds them) runs round-robin under each lever setting, switched in-process
// through PREFOPT_LEVERS + syncNodeFusedKernels, so a busy machine's drift hits every setting
// alike. Prints the median process-CPU and wall ms per setting after `warmup` rounds, and the
// first-round losses (same weights for every setting: each step restores them). Usage:
//   npx tsx --conditions=@prefopt/source tools/bench/nodeLeversAB.mts [rounds=8] [warmup=2] [model-config JSON] [ends]
// (`ends`: only "none" and "all four", for big shapes; the batch is 4 pairs of seqLen tokens.)
import * as tf from '@tensorflow/tfjs';
import { nodeAdapter, nodeFusedLevers, syncNodeFusedKernels } from '@prefopt/backend-node';
import { createModel } from '@prefopt/model';
import { simpo } from '@prefopt/objective-simpo';
import { AdamW } from '@prefopt/trainer';
import { syntheticBatch, timedStep } from '@prefopt/recipes';

const [roundsArg, warmupArg, configArg, endsArg] = process.argv.slice(2);
const rounds = Number(roundsArg ?? 8);
const warmup = Number(warmupArg ?? 2);
await nodeAdapter.activate({ threads: 1 });

const levers = Object.keys(nodeFusedLevers);
const settings: [string, string][] = [
  ['none (plain tfjs ops)', levers.join(',')],
  ...(endsArg === 'ends'
    ? []
    : levers.map((l): [string, string] => [`only ${l}`, levers.filter((o) => o !== l).join(',')])),
  ['all four', ''],
];

const cfg = configArg
  ? JSON.parse(configArg)
  : { dim: 256, hiddenDim: 688, layers: 4, heads: 4, kvHeads: 4, vocab: 512, seqLen: 128 };
const policy = createModel(cfg, { seed: 1 });
const vars = policy.trainableVariables as tf.Variable[];
const initial = vars.map((v) => tf.keep(v.clone()));
const batch = syntheticBatch(4, cfg.seqLen, cfg.vocab, 2);

const cpu = new Map<string, number[]>();
const wall = new Map<string, number[]>();
const firstLoss = new Map<string, number>();
for (let round = 0; round < warmup + rounds; round++) {
  for (const [label, off] of settings) {
    process.env.PREFOPT_LEVERS = off;
    syncNodeFusedKernels();
    vars.forEach((v, i) => v.assign(initial[i]));
    const optimizer = new AdamW(vars);
    const parts = { policy, objective: simpo(), optimizer, lr: 1e-4, maxGradNorm: 1 };
    const { times, loss } = await timedStep(parts, batch);
    optimizer.dispose();
    if (round === 0) firstLoss.set(label, loss);
    if (round < warmup) continue;
    cpu.set(label, [...(cpu.get(label) ?? []), times.stepCpu]);
    wall.set(label, [...(wall.get(label) ?? []), times.step]);
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const base = median(cpu.get(settings[0][0])!);
console.log(
  `node levers A/B: ${rounds} rounds after ${warmup}, SimPO step, 1 thread, ${JSON.stringify(cfg)}`,
);
for (const [label] of settings) {
  const c = median(cpu.get(label)!);
  console.log(
    `${label.padEnd(40)} CPU ${c.toFixed(1).padStart(7)} ms (${(c - base >= 0 ? '+' : '') + (c - base).toFixed(1)})` +
      `  wall ${median(wall.get(label)!).toFixed(1).padStart(7)} ms  loss ${firstLoss.get(label)!.toFixed(7)}`,
  );
}
tf.dispose(initial);
policy.dispose();
