import type { TokenizedPair } from '@prefopt/core';

/** Why a pair cannot be trained on. */
export type DropReason =
  | 'empty-completion' // chosen or rejected has no tokens (TRL would feed an empty mask: NaN, trl#1033)
  | 'prompt-too-long' // the (truncated) prompt leaves no room for any completion token in maxLength
  | 'template'; // the messages do not fit the chat template (a completion not starting with the assistant)

/** A tokenised pair, or why there is none. `truncated` says whether any side was cut. */
export type TokenizeResult =
  | { ok: true; pair: TokenizedPair; truncated: boolean }
  | { ok: false; reason: DropReason; message: string };
