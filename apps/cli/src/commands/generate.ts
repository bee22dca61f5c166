import { PrefoptError } from '@prefopt/core';
import { generate as generateIds } from '@prefopt/model';
import { numberFlag, requireString } from '../args/flagReaders';
import { activateBackend } from '../backend/activateBackend';
import { backendUsage } from '../backend/backendUsage';
import { openModelAndTokenizer } from '../generate/openModelAndTokenizer';
import type { Command } from './Command';

/** `prefopt generate`: prints the prompt followed by the model's continuation. */
export const generate: Command = {
  name: 'generate',
  summary:
    'continue a prompt (greedy, or temperature / top-p sampling with a seed); prints prompt + continuation',
  usage:
    'prefopt generate --model PATH [--tokenizer PATH] --prompt TEXT [--max-new-tokens 64] ' +
    `[--temperature 0] [--top-p 1] [--seed 42] ${backendUsage}`,

  async run(args, ctx) {
    const prompt = requireString(
      args,
      'prompt',
      'the text to continue, e.g. --prompt "Once upon a time".',
    );
    const maxNewTokens = numberFlag(args, 'maxNewTokens', 64, { min: 0, integer: true })!;
    const temperature = numberFlag(args, 'temperature', 0, { min: 0 })!;
    const topP = numberFlag(args, 'topP', 1, { min: 0, max: 1 })!;
    const seed = numberFlag(args, 'seed', 42, { min: 1, integer: true })!;
    if (topP === 0) throw new PrefoptError('config', '--top-p must be > 0 (1 turns it off).');
    await activateBackend(args, ctx);
    const { model, tokenizer } = openModelAndTokenizer(args, ctx.io.cwd);
    try {
      const promptIds = tokenizer.encode(prompt, { bos: tokenizer.bosId !== undefined });
      const newIds = await generateIds(model, promptIds, {
        maxNewTokens,
        temperature,
        topP,
        seed,
        eosId: tokenizer.eosId,
      });
      ctx.io.stdout.write(`${tokenizer.decode([...promptIds, ...newIds])}\n`);
    } finally {
      model.dispose();
    }
  },
};
