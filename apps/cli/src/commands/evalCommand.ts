import { resolve } from 'node:path';
import { judgeAgainstBaseline, winRates } from '@prefopt/eval';
import { booleanFlag, jsonFlag, numberFlag, requireString, stringFlag } from '../args/flagReaders';
import { activateBackend } from '../backend/activateBackend';
import { backendUsage } from '../backend/backendUsage';
import { formatEvalTable, type EvalRow } from '../eval/formatEvalTable';
import { generateResponses } from '../eval/generateResponses';
import { readPrompts } from '@prefopt/recipes';
import { resolveAnnotator } from '../pairs/resolveAnnotator';
import type { Command } from './Command';

/**
 * `prefopt eval`: greedy responses of one or more models and of a baseline to a prompt set,
 * judged pairwise by an annotator; prints the win rate and AlpacaEval 2's length-controlled
 * win rate with bootstrap intervals over prompts, and the mean generation lengths.
 */
export const evalCommand: Command = {
  name: 'eval',
  summary:
    'win rate and length-controlled win rate (AlpacaEval 2) of models against a baseline, judged by an annotator',
  usage:
    'prefopt eval --model PATH[,PATH…] [--tokenizer PATH] --baseline PATH [--baseline-tokenizer PATH] ' +
    '--prompts FILE(.txt|.jsonl) --annotator NAME [--annotator-options JSON] [--max-new-tokens 64] ' +
    `[--bootstrap 1000] [--seed 0] [--json] ${backendUsage}`,

  async run(args, ctx) {
    const cwd = ctx.io.cwd;
    const models = requireString(args, 'model', 'the model(s) to evaluate, comma-separated.')
      .split(',')
      .filter(Boolean);
    const baseline = requireString(
      args,
      'baseline',
      'the model to compare against, e.g. the SFT checkpoint.',
    );
    const prompts = readPrompts(
      resolve(
        cwd,
        requireString(
          args,
          'prompts',
          'a .txt (one prompt per line) or .jsonl with "prompt" fields.',
        ),
      ),
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
    const maxNewTokens = numberFlag(args, 'maxNewTokens', 64, { min: 1, integer: true })!;
    const samples = numberFlag(args, 'bootstrap', 1000, { min: 2, integer: true })!;
    const seed = numberFlag(args, 'seed', 0, { min: 0, integer: true })!;
    const asJson = booleanFlag(args, 'json');
    await activateBackend(args, ctx);
    const progress = (text: string) => ctx.io.stderr.write(`eval: ${text}\n`);
    progress(`baseline ${baseline}: ${prompts.length} prompts`);
    const base = generateResponses(
      args,
      cwd,
      baseline,
      stringFlag(args, 'baselineTokenizer'),
      prompts,
      maxNewTokens,
    );
    const rows: EvalRow[] = [];
    for (const model of models) {
      progress(`model ${model}`);
      const own = generateResponses(
        args,
        cwd,
        model,
        stringFlag(args, 'tokenizer'),
        prompts,
        maxNewTokens,
      );
      const rates = winRates(await judgeAgainstBaseline(annotator, own.responses, base.responses), {
        samples,
        seed,
      });
      rows.push({
        model,
        n: rates.n,
        winRate: rates.winRate,
        lcWinRate: rates.lcWinRate,
        lengthCoefficient: rates.lengthCoefficient,
        meanTokens: own.meanTokens,
        baselineMeanTokens: base.meanTokens,
      });
    }
    ctx.io.stdout.write(
      asJson
        ? `${JSON.stringify({ baseline, annotator: annotator.name, rows })}\n`
        : `${formatEvalTable(rows)}\n`,
    );
    return 0;
  },
};
