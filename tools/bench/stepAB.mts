// A/B of whole training steps (SimPO, reference shape, backend node, 1 thread) with and
// without levers, alternating step by step in one process — two policies, one per side —
// so machine load hits both alike. Prints median wall / CPU ms per step and per phase.
// Usage (from the repository root):
//   npx tsx --conditions=@prefopt/source tools/bench/stepAB.mts [disable-list] [rounds]
// disable-list: the PREFOPT_LEVERS value of side B (default `flatAdamW`); side A: all on.
import type * as tf from '@tensorflow/tfjs-core';
import { nodeAdapter } from '@prefopt/backend-node';
import { createModel } from '@prefopt/model';
import { simpo } from '@prefopt/objective-simpo';
import { syntheticBatch, timedStep } from '@prefopt/recipes';
import { AdamW } from '@prefopt/trainer';

interface PhaseTimes {
  [phase: string]: number;
}
const [disable = 'flatAdamW', roundsArg = '8'] = process.argv.slice(2);
await nodeAdapter.activate({ threads: 1 });
const cfg = { dim: 256, hiddenDim: 688, layers: 4, heads: 4, kvHeads: 4, vocab: 512, seqLen: 128 };
const batch = syntheticBatch(4, cfg.seqLen, cfg.vocab, 2);
const sides = Object.fromEntries(
  [
    ['A (all levers)', ''],
    [`B (PREFOPT_LEVERS=${disable})`, disable],
  ].map(([label, levers]) => {
    process.env.PREFOPT_LEVERS = levers;
    const policy = createModel(cfg, { seed: 1 });
    const optimizer = new AdamW(policy.trainableVariables as tf.Variable[]);
    return [
      label,
      { levers, parts: { policy, objective: simpo(), optimizer, lr: 1e-4, maxGradNorm: 1 } },
    ];
  }),
);
const times: Record<string, PhaseTimes[]> = {};
for (let r = 0; r < Number(roundsArg) + 2; r++) {
  for (const [label, side] of Object.entries(sides)) {
    process.env.PREFOPT_LEVERS = side.levers; // levers read per call see their side's value
    const { times: t } = await timedStep(side.parts, batch);
    if (r >= 2) (times[label] ??= []).push(t); // 2 warm-up rounds
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const [label, ts] of Object.entries(times)) {
  const m = (k: string) => median(ts.map((t) => t[k])).toFixed(0);
  console.log(
    `${label}: step wall ${m('step')} / CPU ${m('stepCpu')} ms; forward ${m('forward')}, ` +
      `backward ${m('backward')}, optimiser ${m('optimizer')} (medians of ${ts.length})`,
  );
}
