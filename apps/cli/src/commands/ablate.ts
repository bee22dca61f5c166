import { booleanFlag, numberFlag, stringFlag } from '../args/flagReaders';
import { commandLine } from '../ablate/commandLine';
import { readAblationSettings } from '../ablate/readAblationSettings';
import { runAblation } from '@prefopt/recipes';
import { forkJob } from '../ablate/job/forkJob';
import { runWorker } from '../ablate/job/runWorker';
import { backendUsage } from '../backend/backendUsage';
import { resolveBackend } from '../backend/resolveBackend';
import type { Command } from './Command';

/** `prefopt ablate`: a grid of objectives × options, trained from one model, one report. */
export const ablate: Command = {
  name: 'ablate',
  summary:
    'train a grid of objectives × options from one model; writes summary.json, report.html and a table',
  usage:
    `prefopt ablate --grid '{"objective":["simpo"],"gamma":[0,0.5,1],"lengthNormalize":[true,false]}' ` +
    '--model PATH [--tokenizer PATH|bytes] --data FILE --eval-data FILE [--steps 100] [--batch-size 8] ' +
    '[--lr 5e-4] [--warmup-ratio 0.1] [--max-length 128] [--seed 0] [--seeds 1] [--parallel 1] [--annotator NAME ' +
    `[--annotator-options JSON]] [--gen-prompts 64] [--max-new-tokens 48] [--out runs/ablate] ${backendUsage}`,

  async run(args, ctx) {
    if (booleanFlag(args, 'worker')) return runWorker(ctx);
    const registry = await ctx.registry();
    const settings = await readAblationSettings(args, registry, commandLine('ablate', args));
    const backend = (
      await resolveBackend(registry, stringFlag(args, 'backend', 'auto')!, ctx.io.stderr)
    ).name;
    const threads = numberFlag(args, 'threads', undefined, { min: 1, integer: true });
    await runAblation({ ...settings, backend, threads }, ctx.io, { runJob: forkJob });
    return 0;
  },
};
