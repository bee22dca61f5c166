import { requireString } from '../args/flagReaders';
import { activateBackend } from '../backend/activateBackend';
import { boundObjectiveNames } from '../objectives/boundObjectiveNames';
import { evaluateLoss } from '../objectives/evaluateLoss';
import { objectiveModules } from '../objectives/objectiveModules';
import { readLossInput } from '../objectives/readLossInput';
import { resolveObjective } from '../objectives/resolveObjective';
import type { Command } from './Command';

/** Flags `prefopt loss` reads itself; any other flag is an option of the objective. */
const LOSS_FLAGS = new Set(['objective', 'params', 'input', 'backend', 'threads', 'help']);

/** `prefopt loss`: one objective on given log-probs → JSON with its gradients. */
export const loss: Command = {
  name: 'loss',
  summary:
    'evaluate an objective on given log-probs; prints loss, rewards and d loss/d policy as JSON',
  usage:
    'prefopt loss --objective NAME [--params JSON | --beta 2 …] --input FILE [--backend cpu]\n' +
    '  FILE: {"policy":{"chosen":[…],"rejected":[…]}, "reference"?:{…}, "lengths":{"chosen":[…],"rejected":[…]}}\n' +
    '  prints {"loss","losses","chosenRewards","rejectedRewards","gradChosen","gradRejected"}',

  async run(args, ctx) {
    const spec = requireString(
      args,
      'objective',
      'name the objective, e.g. --objective dpo (prefopt objectives lists them).',
    );
    const file = requireString(
      args,
      'input',
      'a JSON file of per-pair log-probs and lengths (see prefopt loss --help).',
    );
    const container = await ctx.container();
    const objective = await resolveObjective(spec, args, {
      container,
      available: async () =>
        boundObjectiveNames(await objectiveModules(args.repeated.plugin ?? [], ctx.io.cwd)),
      ownFlags: LOSS_FLAGS,
    });
    const input = readLossInput(file, ctx.io.cwd, objective.requiresReference);
    // float32 on the pure-JS cpu backend unless --backend says otherwise.
    await activateBackend({ ...args, flags: { backend: 'cpu', ...args.flags } }, ctx);
    ctx.io.stdout.write(`${JSON.stringify(evaluateLoss(objective, input))}\n`);
  },
};
