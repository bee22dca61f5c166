import { resolve } from 'node:path';
import { PrefoptError } from '@prefopt/core';
import { jsonFlag, numberFlag, requireString } from '../args/flagReaders';
import { activateBackend } from '../backend/activateBackend';
import { backendUsage } from '../backend/backendUsage';
import { openModelAndTokenizer } from '../generate/openModelAndTokenizer';
import { buildPairs, readPrompts, sampleResponses, writePairs } from '@prefopt/recipes';
import { resolveAnnotator } from '../pairs/resolveAnnotator';
import type { Command } from './Command';

/** `prefopt pairs`: on-policy preference pairs (the SimPO paper's Instruct setting). */
export const pairs: Command = {
  name: 'pairs',
  summary:
    'sample k responses per prompt, score them with an annotator, keep best/worst as TRL-format JSONL',
  usage:
    'prefopt pairs --model PATH [--tokenizer PATH] --prompts FILE(.txt|.jsonl) --annotator NAME ' +
    `[--annotator-options JSON] [--k 4] [--temperature 1] [--top-p 1] [--max-new-tokens 48] [--seed 1] --out FILE.jsonl ${backendUsage}`,

  async run(args, ctx) {
    const promptsFile = resolve(
      ctx.io.cwd,
      requireString(
        args,
        'prompts',
        'a .txt (one prompt per line) or .jsonl with "prompt" fields.',
      ),
    );
    const out = resolve(
      ctx.io.cwd,
      requireString(args, 'out', 'the JSONL file to write the pairs to.'),
    );
    const annotator = resolveAnnotator(
      await ctx.registry(),
      requireString(
        args,
        'annotator',
        'e.g. --annotator contains-word --annotator-options \'{"word":"dog"}\'.',
      ),
      jsonFlag(args, 'annotatorOptions') ?? {},
    );
    const k = numberFlag(args, 'k', 4, { min: 2, integer: true })!;
    const temperature = numberFlag(args, 'temperature', 1, { min: 0 })!;
    const topP = numberFlag(args, 'topP', 1, { min: 0, max: 1 })!;
    if (topP === 0) throw new PrefoptError('config', '--top-p must be > 0 (1 turns it off).');
    if (temperature === 0) {
      throw new PrefoptError(
        'config',
        '--temperature 0 is greedy: all k samples would be the same. Use a temperature > 0, e.g. 1.',
      );
    }
    const maxNewTokens = numberFlag(args, 'maxNewTokens', 48, { min: 1, integer: true })!;
    const seed = numberFlag(args, 'seed', 1, { min: 1, integer: true })!;
    const prompts = readPrompts(promptsFile);
    await activateBackend(args, ctx);
    const { model, tokenizer } = openModelAndTokenizer(args, ctx.io.cwd);
    try {
      const result = await buildPairs({
        prompts,
        sample: sampleResponses(model, tokenizer, { k, maxNewTokens, temperature, topP, seed }),
        annotator,
        onPrompt: (done, total) => {
          if (ctx.io.stderr.isTTY) ctx.io.stderr.write(`\r\x1b[2Kpairs: ${done}/${total} prompts`);
        },
      });
      if (ctx.io.stderr.isTTY) ctx.io.stderr.write('\n');
      writePairs(out, result.pairs);
      ctx.io.stdout.write(
        `${JSON.stringify({ prompts: prompts.length, pairs: result.pairs.length, skipped: result.skipped, samples: result.samples, meanScore: result.meanScore, out })}\n`,
      );
    } finally {
      model.dispose();
    }
    return 0;
  },
};
