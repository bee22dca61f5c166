import * as tf from '@tensorflow/tfjs-core';
import { PrefoptError } from '@prefopt/core';
import { requireString } from '../args/flagReaders';
import { activateBackend } from '../backend/activateBackend';
import { backendUsage } from '../backend/backendUsage';
import { openModelAndTokenizer } from '../generate/openModelAndTokenizer';
import { withAdapterFlag } from '../lora/withAdapterFlag';
import type { Command } from './Command';

/** `prefopt score`: the tokenizer's ids for a text and the model's log-prob of each after the first. */
export const score: Command = {
  name: 'score',
  summary: 'per-token log-probs of a text under a model; prints JSON {tokens, logprobs}',
  usage: `prefopt score --model PATH [--adapter PEFT_DIR] [--tokenizer PATH] --text TEXT ${backendUsage}`,

  async run(args, ctx) {
    const text = requireString(args, 'text', 'the text to score, e.g. --text "Once upon a time".');
    await activateBackend(args, ctx);
    const opened = openModelAndTokenizer(args, ctx.io.cwd);
    const { tokenizer } = opened;
    const model = withAdapterFlag(opened.model, args, ctx.io.cwd);
    try {
      const tokens = tokenizer.encode(text, { bos: tokenizer.bosId !== undefined });
      if (tokens.length > model.maxSeqLen) {
        throw new PrefoptError(
          'input',
          `--text has ${tokens.length} tokens; the model's seqLen is ${model.maxSeqLen}. Shorten it.`,
        );
      }
      let logprobs: number[] = [];
      if (tokens.length >= 2) {
        const ids = tf.tensor2d([tokens], [1, tokens.length], 'int32'); // [1, T]
        const lp = model.tokenLogps(ids); // [1, T−1]
        logprobs = Array.from(await lp.data());
        tf.dispose([ids, lp]);
      }
      ctx.io.stdout.write(`${JSON.stringify({ tokens, logprobs })}\n`);
    } finally {
      model.dispose();
    }
  },
};
