import type { Response } from '@prefopt/eval';
import type { ParsedArgs } from '../args/parseArgs';
import { greedyContinuations } from '@prefopt/recipes';
import { openModelAndTokenizer } from '../generate/openModelAndTokenizer';

export interface GeneratedSet {
  responses: Response[];
  /** Mean generated tokens (EOS included where the model stopped). */
  meanTokens: number;
}

/** Greedy responses of the model at `modelPath` (tokenizer from `tokenizer` or beside it) to every prompt. */
export function generateResponses(
  args: ParsedArgs,
  cwd: string,
  modelPath: string,
  tokenizer: string | undefined,
  prompts: readonly string[],
  maxNewTokens: number,
): GeneratedSet {
  const flags: Record<string, string | true> = { ...args.flags, model: modelPath };
  if (tokenizer === undefined) delete flags.tokenizer;
  else flags.tokenizer = tokenizer;
  const opened = openModelAndTokenizer({ ...args, flags }, cwd);
  try {
    const continuations = greedyContinuations(
      opened.model,
      opened.tokenizer,
      prompts,
      maxNewTokens,
    );
    return {
      responses: continuations.map((c, i) => ({ prompt: prompts[i], text: c.text })),
      meanTokens:
        continuations.reduce((a, c) => a + c.tokens, 0) / Math.max(1, continuations.length),
    };
  } finally {
    opened.model.dispose();
  }
}
