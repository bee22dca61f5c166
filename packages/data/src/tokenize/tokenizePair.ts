import { PrefoptError, type PreferencePair, type Tokenizer } from '@prefopt/core';
import { plainTemplate } from '../templates/plainTemplate';
import type { TokenizeOptions } from './TokenizeOptions';
import type { TokenizeResult } from './TokenizeResult';
import { truncatePair } from './truncatePair';

/**
 * One record → prompt / chosen / rejected ids, truncated by TRL's rules (`truncatePair`).
 * Message prompts and completions are rendered with the chat template first; the prompt
 * gets BOS, each completion EOS (both by option). A pair whose completion has no tokens,
 * or whose prompt leaves no room, is returned as dropped with its reason, never as a
 * zero-length completion. Call `validateTokenizeOptions` once before.
 */
export function tokenizePair(
  record: PreferencePair,
  tokenizer: Tokenizer,
  options: TokenizeOptions = {},
): TokenizeResult {
  const template = options.template ?? plainTemplate;
  const addBos = (options.addBos ?? true) && tokenizer.bosId !== undefined;
  const eos =
    (options.appendEos ?? true) && tokenizer.eosId !== undefined ? [tokenizer.eosId!] : [];
  let texts: [string, string, string];
  try {
    texts = [
      typeof record.prompt === 'string' ? record.prompt : template.renderPrompt(record.prompt),
      typeof record.chosen === 'string' ? record.chosen : template.renderCompletion(record.chosen),
      typeof record.rejected === 'string'
        ? record.rejected
        : template.renderCompletion(record.rejected),
    ];
  } catch (e) {
    if (!PrefoptError.is(e, 'data')) throw e;
    return { ok: false, reason: 'template', message: e.message };
  }
  const prompt = tokenizer.encode(texts[0], { bos: addBos });
  const chosen = tokenizer.encode(texts[1]);
  const rejected = tokenizer.encode(texts[2]);
  for (const [side, ids] of [
    ['chosen', chosen],
    ['rejected', rejected],
  ] as const) {
    if (ids.length === 0) {
      return { ok: false, reason: 'empty-completion', message: `the ${side} completion is empty` };
    }
  }
  const full = { prompt, chosen: [...chosen, ...eos], rejected: [...rejected, ...eos] };
  const cut = truncatePair(full, { ...options, bosId: addBos ? tokenizer.bosId : undefined });
  if (!cut) {
    return {
      ok: false,
      reason: 'prompt-too-long',
      message: `the prompt's ${prompt.length} tokens leave no room for a completion in --max-length ${options.maxLength}; set --max-prompt-length below it`,
    };
  }
  const truncated =
    cut.prompt.length < full.prompt.length ||
    cut.chosen.length < full.chosen.length ||
    cut.rejected.length < full.rejected.length;
  return { ok: true, pair: cut, truncated };
}
