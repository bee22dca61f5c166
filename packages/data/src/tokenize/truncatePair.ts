import type { TokenizedPair } from '@prefopt/core';

/**
 * TRL's truncation rules on ids: the prompt keeps its LAST `maxPromptLength` tokens (a
 * leading BOS stays first and counts towards the limit), then each completion keeps its
 * FIRST `maxLength − prompt` tokens. Returns undefined when the prompt leaves no room.
 */
export function truncatePair(
  pair: TokenizedPair,
  limits: { maxLength?: number; maxPromptLength?: number; bosId?: number },
): TokenizedPair | undefined {
  let prompt = pair.prompt;
  const { maxLength, maxPromptLength, bosId } = limits;
  if (maxPromptLength !== undefined && prompt.length > maxPromptLength) {
    const keepBos = bosId !== undefined && prompt[0] === bosId && maxPromptLength > 1;
    prompt = keepBos
      ? [bosId, ...prompt.slice(prompt.length - (maxPromptLength - 1))]
      : prompt.slice(prompt.length - maxPromptLength);
  }
  if (maxLength === undefined) return { ...pair, prompt };
  const room = maxLength - prompt.length;
  if (room <= 0) return undefined;
  return { prompt, chosen: pair.chosen.slice(0, room), rejected: pair.rejected.slice(0, room) };
}
