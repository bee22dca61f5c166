import type { TokenizedPair } from '@prefopt/core';

/** Why a pair cannot be trained on. */
export type DropReason =
  | 'empty-completion' // chosen or rejected has no ids, not even EOS (TRL would feed an empty mask: NaN, trl#1033)
  | 'prompt-too-long' // the (truncated) prompt leaves no room for any completion token in maxLength
  | 'template'; // the messages do not fit the chat template (a completion not starting with the assistant)

/**
 * A tokenised pair, or why there is none. `truncated` says whether any side was cut;
 * `boundaryMismatch` that prompt + completion, encoded together, did not start with the
 * prompt's own ids (a token crossing the boundary; TRL warns and splits at the prompt's
 * length all the same).
 */
export type TokenizeResult =
  | { ok: true; pair: TokenizedPair; truncated: boolean; boundaryMismatch: boolean }
  | { ok: false; reason: DropReason; message: string };
