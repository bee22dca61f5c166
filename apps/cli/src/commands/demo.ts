import { availableParallelism } from 'node:os';
import { PrefoptError } from '@prefopt/core';
import { numberFlag, stringFlag } from '../args/flagReaders';
import { commandLine } from '../ablate/commandLine';
import { backendUsage } from '../backend/backendUsage';
import { resolveBackend } from '../backend/resolveBackend';
import { demoPresets, runDemo } from '@prefopt/recipes';
import { forkJob } from '../ablate/job/forkJob';
import type { Command } from './Command';

/** `prefopt demo` (what `npm start` runs): the SimPO paper's comparison on an embedded task. */
export const demo: Command = {
  name: 'demo',
  summary:
    'train sft, then DPO / SimPO / IPO / SimPO ablations on an embedded task; prints a table, writes report.html',
  usage: `prefopt demo [--preset full|smoke] [--seed 0] [--seeds 3] [--parallel 2] [--out runs/demo] ${backendUsage}`,

  async run(args, ctx) {
    const name = stringFlag(args, 'preset', 'full')!;
    const preset = demoPresets[name];
    if (!preset) {
      throw new PrefoptError(
        'config',
        `--preset '${name}' is not a demo preset. Choose ${Object.keys(demoPresets).join(' or ')}.`,
      );
    }
    const backend = (
      await resolveBackend(
        await ctx.registry(),
        stringFlag(args, 'backend', 'auto')!,
        ctx.io.stderr,
      )
    ).name;
    await runDemo(
      {
        preset,
        seed: numberFlag(args, 'seed', 0, { min: 0, integer: true })!,
        seeds: numberFlag(args, 'seeds', 3, { min: 1, integer: true })!,
        // Two one-thread workers at a time use both cores of a small machine.
        parallel: numberFlag(args, 'parallel', Math.min(2, availableParallelism()), {
          min: 1,
          integer: true,
        })!,
        out: stringFlag(args, 'out', 'runs/demo')!,
        backend,
        // One thread by default: the demo's model is tiny, and one thread keeps its step
        // timings comparable across objectives and its results bit-reproducible.
        threads: numberFlag(args, 'threads', 1, { min: 1, integer: true }),
        command: commandLine('demo', args),
      },
      ctx.io,
      forkJob,
    );
    return 0;
  },
};
