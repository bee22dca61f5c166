// A/B of the pair-forward levers (prompt-prefix sharing, completion-only logits) in ONE
// process: the same training step as `prefopt bench` (apps/cli's timedStep: microStep,
// clipping, AdamW) on the reference shape, alternating PREFOPT_LEVERS between the arms
// step by step, so load on a shared machine hits every arm alike. Reports the median
// process CPU time (and wall time) per step of each arm, and the ratio to the first arm.
//   npx tsx --conditions=@prefopt/source tools/bench/pairForwardAb.mts \
//     [--objective simpo|dpo] [--prompt-share 0.5] [--rounds 8] [--warmup 2] \
//     [--arms 'prefix-sharing,completion-only-logits;prefix-sharing;'] [--backend node|cpu]
// Each arm is a PREFOPT_LEVERS value (the levers switched OFF); '' = every lever on.
// Peak RSS is per process: measure it with separate `compare.mjs` runs.
import { nodeAdapter } from '@prefopt/backend-node';
import { createModel } from '@prefopt/model';
import { dpo } from '@prefopt/objective-dpo';
import { simpo } from '@prefopt/objective-simpo';
import { AdamW, ModelReference } from '@prefopt/trainer';
import * as tf from '@tensorflow/tfjs';
import { syntheticBatch, timedStep } from '@prefopt/recipes';

const args = new Map<string, string>();
for (let i = 2; i + 1 < process.argv.length; i += 2)
  args.set(process.argv[i].replace(/^--/, ''), process.argv[i + 1]);
const objectiveName = args.get('objective') ?? 'simpo';
const promptShare = Number(args.get('prompt-share') ?? 0.5);
const rounds = Number(args.get('rounds') ?? 8);
const warmup = Number(args.get('warmup') ?? 2);
const arms = (args.get('arms') ?? 'prefix-sharing,completion-only-logits;prefix-sharing;').split(
  ';',
);
const config = {
  dim: 256,
  hiddenDim: 688,
  layers: 4,
  heads: 4,
  kvHeads: 4,
  vocab: 512,
  seqLen: 128,
};
const [pairs, seq] = [4, 128];

if ((args.get('backend') ?? 'node') === 'node') await nodeAdapter.activate({ threads: 1 });
else await tf.setBackend('cpu');
const objective = objectiveName === 'dpo' ? dpo({}) : simpo({});
const policy = createModel(config, { seed: 1 });
const reference = objective.requiresReference
  ? new ModelReference(createModel(config, { seed: 1 }))
  : undefined;
const optimizer = new AdamW(policy.trainableVariables as tf.Variable[]);
const batch = syntheticBatch(pairs, seq, policy.vocabSize, 2, promptShare);
const parts = { policy, reference, objective, optimizer, lr: 1e-4, maxGradNorm: 1 };
const cpu: number[][] = arms.map(() => []);
const wall: number[][] = arms.map(() => []);
for (let round = 0; round < warmup + rounds; round++) {
  for (const [a, off] of arms.entries()) {
    process.env.PREFOPT_LEVERS = off;
    const { times } = await timedStep(parts, batch);
    if (round < warmup) continue;
    cpu[a].push(times.stepCpu);
    wall[a].push(times.step);
  }
}
const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
const promptLen = Math.floor(seq * promptShare);
console.log(
  `${objectiveName}, ${tf.getBackend()}, ${pairs} pairs × ${seq} tokens, prompt ${promptLen} : completion ${seq - promptLen}, ${rounds} rounds, load ${(
    await import('node:os')
  )
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}`,
);
for (const [a, off] of arms.entries()) {
  const c = median(cpu[a]);
  console.log(
    `  PREFOPT_LEVERS='${off}': CPU ${c.toFixed(0)} ms, wall ${median(wall[a]).toFixed(0)} ms, CPU vs first arm ${(c / median(cpu[0])).toFixed(3)}`,
  );
}
optimizer.dispose();
reference?.dispose();
policy.dispose();
