import type { PreferenceBatch } from '@prefopt/core';

/**
 * The number of leading positions on which every pair's chosen row r and rejected row r + B
 * hold the same token ids: min over pairs of their common prefix (their shared prompt, or
 * more where the completions also start alike; 0 where the rows differ from the start, e.g.
 * an unpaired batch's KL rows). Causal attention makes the hidden states and keys/values of
 * those positions equal for both rows, which is what lets a forward compute them once.
 */
export function sharedPrefixLength(batch: PreferenceBatch): number {
  const { size: b, seqLen: t, inputIds } = batch;
  let shared = t;
  for (let r = 0; r < b && shared > 0; r++) {
    const chosen = r * t;
    const rejected = (r + b) * t;
    let j = 0;
    while (j < shared && inputIds[chosen + j] === inputIds[rejected + j]) j++;
    shared = j;
  }
  return shared;
}

/**
 * The target positions [from, to] (1 ≤ from ≤ to ≤ T−1) that hold every completion token
 * of the batch: from the earliest first completion position to the latest last one. A
 * preference loss reads log-probs only there, so the logits of the prompt and padding
 * positions outside are never needed. [1, 1] for a batch without completion tokens.
 */
export function completionSpan(batch: PreferenceBatch): { from: number; to: number } {
  const { size: b, seqLen: t, completionMask } = batch;
  let from = t;
  let to = 0;
  for (let r = 0; r < 2 * b; r++) {
    for (let j = 1; j < t; j++) {
      if (completionMask[r * t + j] > 0) {
        if (j < from) from = j;
        if (j > to) to = j;
      }
    }
  }
  return to === 0 ? { from: 1, to: 1 } : { from, to };
}
