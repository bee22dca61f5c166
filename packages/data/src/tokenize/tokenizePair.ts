import { PrefoptError, type ChatMessage, type PreferencePair, type Tokenizer } from '@prefopt/core';
import { plainTemplate } from '../templates/plainTemplate';
import { addsBos } from '../tokenizers/addsBos';
import type { TokenizeOptions } from './TokenizeOptions';
import type { TokenizeResult } from './TokenizeResult';
import { truncatePair } from './truncatePair';

/**
 * One record → prompt / chosen / rejected ids, as TRL's DPOTrainer makes them (1.13,
 * `_prepare_dataset`): the prompt is encoded alone, prompt + completion together, and the
 * completion's ids are the joint ids after the prompt's length — so a SentencePiece
 * tokenizer sees the completion in context (no extra `▁` at its start). Text records get
 * BOS where the tokenizer itself adds one (`addsBos`) and EOS after each completion unless
 * it already ends with it; message records are rendered with the chat template (a
 * tokenizer's template carries its own BOS / end-of-turn, so no ids are added). Where the
 * joint ids do not start with the prompt's (a token crossing the boundary) the split is
 * still at the prompt's length, as TRL, and `boundaryMismatch` says so.
 * Then TRL's truncation rules (`truncatePair`). A pair with no completion ids, or whose
 * prompt leaves no room, is returned as dropped with its reason. Call
 * `validateTokenizeOptions` once before.
 */
export function tokenizePair(
  record: PreferencePair,
  tokenizer: Tokenizer,
  options: TokenizeOptions = {},
): TokenizeResult {
  const template = options.template ?? plainTemplate;
  let texts: { prompt: string; chosen: string; rejected: string };
  let inText = false;
  try {
    if (
      typeof record.prompt === 'string' &&
      typeof record.chosen === 'string' &&
      typeof record.rejected === 'string'
    ) {
      texts = {
        prompt: record.prompt,
        chosen: record.prompt + record.chosen,
        rejected: record.prompt + record.rejected,
      };
    } else {
      const [prompt, chosen, rejected] = [record.prompt, record.chosen, record.rejected].map(
        asMessages,
      );
      texts = {
        prompt: template.renderPrompt(prompt),
        chosen: template.renderConversation(prompt, chosen),
        rejected: template.renderConversation(prompt, rejected),
      };
      inText = template.specialTokensInText;
    }
  } catch (e) {
    if (!PrefoptError.is(e, 'data')) throw e;
    return { ok: false, reason: 'template', message: e.message };
  }
  const addBos = !inText && tokenizer.bosId !== undefined && (options.addBos ?? addsBos(tokenizer));
  const eosId = tokenizer.eosId;
  const appendEos = !inText && eosId !== undefined && (options.appendEos ?? true);

  const prompt = tokenizer.encode(texts.prompt, { bos: addBos });
  let boundaryMismatch = false;
  const completion = (full: string): number[] => {
    const joint = tokenizer.encode(full, { bos: addBos });
    if (prompt.some((id, i) => joint[i] !== id)) boundaryMismatch = true;
    const ids = joint.slice(prompt.length);
    return appendEos && ids[ids.length - 1] !== eosId ? [...ids, eosId] : ids;
  };
  const full = { prompt, chosen: completion(texts.chosen), rejected: completion(texts.rejected) };
  for (const side of ['chosen', 'rejected'] as const) {
    if (full[side].length === 0) {
      return { ok: false, reason: 'empty-completion', message: `the ${side} completion is empty` };
    }
  }
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
  return { ok: true, pair: cut, truncated, boundaryMismatch };
}

/** Message lists as they are; a lone text among messages is a user turn (prompt) — refused. */
function asMessages(value: string | readonly ChatMessage[]): readonly ChatMessage[] {
  if (typeof value !== 'string') return value;
  throw new PrefoptError(
    'data',
    'a record mixes text and message lists; give prompt, chosen and rejected in one form',
  );
}
