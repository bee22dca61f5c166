import { PrefoptError } from '@prefopt/core';
import { activateBackend } from '../backend/activateBackend';
import { backendUsage } from '../backend/backendUsage';
import { formatBench } from '../bench/formatBench';
import { readBenchOptions } from '../bench/readBenchOptions';
import { runBench, runTrainerBench } from '@prefopt/recipes';
import { loraFlagKeys } from '../lora/loraFlags';
import { resolveObjective } from '../objectives/resolveObjective';
import type { Command } from './Command';

/** Flags `prefopt bench` reads itself; any other flag is an option of the objective. */
const BENCH_FLAGS = new Set([
  'modelConfig',
  'batch',
  'seq',
  'promptShare',
  'objective',
  'params',
  'steps',
  'warmup',
  'backend',
  'threads',
  'seed',
  'lr',
  'json',
  'trainer',
  'help',
  ...loraFlagKeys,
]);

/** `prefopt bench`: the median time of one training step on a random model. */
export const bench: Command = {
  name: 'bench',
  summary: 'time one training step (forward, reference, backward, AdamW) on a random model',
  usage:
    'prefopt bench [--model-config \'{"dim":256,"hiddenDim":688,"layers":4,"heads":4,"kvHeads":4,"vocab":512,"seqLen":128}\']\n' +
    '    [--batch 4] [--seq 128] [--prompt-share 0.5] [--objective simpo] [--params JSON | --beta 2 …] [--steps 5] [--warmup 2]\n' +
    `    ${backendUsage} [--seed 1] [--lr 1e-4] [--trainer] [--json]\n` +
    '    [--lora-rank 16 --lora-alpha 32 --lora-targets q,k,v,o]  (LoRA; implies --trainer)\n' +
    '  --backend node: tfjs-node over libtensorflow (set up by npm ci; auto picks it first on a\n' +
    '  CPU machine), native / native-cpu: the OpenBLAS addon (auto picks native when node is not\n' +
    '  set up), see docs/backends.md and docs/performance.md.\n' +
    '  --trainer times the Trainer loop itself (what prefopt train runs) instead of the\n' +
    '  instrumented step, without the per-phase split.\n' +
    '  --json prints one line: {medianStepMs, tokensPerSec, peakRssMiB, backend, phases:{forward,\n' +
    '  referenceForward, backward, optimizer}, …}; tools/bench/compare.mjs sets it beside PyTorch.',

  async run(args, ctx) {
    const options = readBenchOptions(args);
    const objective = await resolveObjective(options.objective, args, {
      registry: await ctx.registry(),
      ownFlags: BENCH_FLAGS,
    });
    const adapter = await activateBackend(args, ctx);
    const run = options.trainer ? runTrainerBench : runBench;
    const result = await run(options, { adapter, objective }, (i, warm, t, loss) => {
      if (options.json) return;
      const tag = warm ? 'warmup' : 'step';
      ctx.io.stderr.write(`${tag} ${i + 1}: ${t.step.toFixed(1)} ms, loss ${loss.toFixed(4)}\n`);
    }).catch((e: unknown) => {
      // The wasm heap (4 GiB at most) aborts the module when a step does not fit.
      if ((e as Error)?.name === 'RuntimeError' && /Aborted/.test((e as Error).message)) {
        throw new PrefoptError(
          'backend',
          `the ${adapter.name} backend ran out of wasm heap (4 GiB at most) in this step: ` +
            `lower --batch or --seq, or use --backend native (native kernels keep fewer copies) or native-cpu (no heap ceiling).`,
          { cause: e },
        );
      }
      throw e;
    });
    ctx.io.stdout.write(options.json ? `${JSON.stringify(result)}\n` : formatBench(result));
  },
};
