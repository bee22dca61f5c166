import { requireString } from '../args/flagReaders';
import { activateBackend } from '../backend/activateBackend';
import {
  evaluateLoss,
  evaluateTokenLoss,
  evaluateUnpairedLoss,
  readLossInput,
  readUnpairedLossInput,
} from '@prefopt/recipes';
import { resolveAnyObjective } from '../objectives/resolveAnyObjective';
import { isUnpaired } from '@prefopt/trainer';
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
    '  prints {"loss","losses","chosenRewards","rejectedRewards","gradChosen","gradRejected"}\n' +
    '  per-token objectives (wpo, ld-dpo, orpo): add "tokens":{"policy":{"chosen":[[…]],"rejected":[[…]]},\n' +
    '    "reference"?:{…},"completionMask":{…},"sequenceMask"?:{…},"logSquaredMass"?:{…}} ([B][T] rows;\n' +
    '    policy/reference/lengths default to their sums); also prints "gradTokens"\n' +
    '  unpaired objectives (kto, bco): {"policy":[…],"reference":[…],"labels":[true,…],"kl"?:{"policy","reference"},\n' +
    '    "state"?:{…}} → {"loss","losses","rewards","kl"?,"state"?,"gradPolicy"}',

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
    const objective = await resolveAnyObjective(spec, args, {
      registry: await ctx.registry(),
      ownFlags: LOSS_FLAGS,
    });
    // float32 on the pure-JS cpu backend unless --backend says otherwise.
    const backend = () =>
      activateBackend({ ...args, flags: { backend: 'cpu', ...args.flags } }, ctx);
    if (isUnpaired(objective)) {
      const input = readUnpairedLossInput(file, ctx.io.cwd, objective);
      await backend();
      ctx.io.stdout.write(`${JSON.stringify(evaluateUnpairedLoss(objective, input))}\n`);
      return;
    }
    const input = readLossInput(file, ctx.io.cwd, objective.requiresReference);
    await backend();
    const report =
      input.tokens || objective.needs?.tokenLogps
        ? evaluateTokenLoss(objective, input)
        : evaluateLoss(objective, input);
    ctx.io.stdout.write(`${JSON.stringify(report)}\n`);
  },
};
