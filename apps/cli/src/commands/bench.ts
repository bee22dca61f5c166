import { OBJECTIVE_FACTORY, PrefoptError, type ObjectiveFactory } from '@prefopt/core';
import { formatBench } from '../bench/formatBench';
import { readBenchOptions } from '../bench/readBenchOptions';
import { resolveBenchBackend } from '../bench/resolveBenchBackend';
import { runBench } from '../bench/runBench';
import type { Command } from './Command';

/** `prefopt bench`: the median time of one training step on a random model. */
export const bench: Command = {
  name: 'bench',
  summary: 'time one training step (forward, reference, backward, AdamW) on a random model',
  usage:
    "prefopt bench [--model-config '{\"dim\":256,\"hiddenDim\":688,\"layers\":4,\"heads\":4,\"kvHeads\":4,\"vocab\":512,\"seqLen\":128}']\n" +
    '    [--batch 4] [--seq 128] [--objective simpo] [--params JSON] [--steps 5] [--warmup 2]\n' +
    '    [--backend auto|native|wasm|cpu|…] [--threads N] [--seed 1] [--lr 1e-4] [--json]',

  async run(args, { io, container }) {
    const options = readBenchOptions(args);
    const c = await container();
    if (!c.isBound(OBJECTIVE_FACTORY, { name: options.objective })) {
      throw new PrefoptError(
        'config',
        `--objective '${options.objective}' is not known; run 'prefopt objectives' for the list, or load it with --plugin.`,
      );
    }
    const objectiveFactory = c.get<ObjectiveFactory>(OBJECTIVE_FACTORY, { name: options.objective });
    const adapter = await resolveBenchBackend(c, options.backend);
    const result = await runBench(options, { adapter, objectiveFactory }, (i, warm, t, loss) => {
      if (options.json) return;
      const tag = warm ? 'warmup' : 'step';
      io.stderr.write(`${tag} ${i + 1}: ${t.step.toFixed(1)} ms, loss ${loss.toFixed(4)}\n`);
    });
    io.stdout.write(options.json ? `${JSON.stringify(result)}\n` : formatBench(result));
  },
};
