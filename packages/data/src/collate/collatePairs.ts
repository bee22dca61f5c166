import { PrefoptError, type PreferenceBatch, type TokenizedPair } from '@prefopt/core';

/** How `collatePairs` pads. */
export interface CollateOptions {
  /** Id written into padding (masked out, so any valid id; default 0). */
  padId?: number;
  /** Pad every row to exactly this length (e.g. a fixed shape for a compiled backend). */
  seqLen?: number;
  /** Round the padded length up to a multiple of this (default 1). */
  padToMultipleOf?: number;
}

/**
 * B tokenised pairs → one PreferenceBatch: rows [0, B) are prompt + chosen, rows [B, 2B)
 * prompt + rejected, right-padded to T. `completionMask` marks each row's completion
 * tokens, except position 0, which no earlier position predicts.
 */
export function collatePairs(
  pairs: readonly TokenizedPair[],
  options: CollateOptions = {},
): PreferenceBatch {
  const B = pairs.length;
  if (B === 0) throw new PrefoptError('input', 'collatePairs needs at least one pair.');
  const rows = [
    ...pairs.map((p) => [p.prompt, p.chosen] as const),
    ...pairs.map((p) => [p.prompt, p.rejected] as const),
  ];
  const longest = Math.max(...rows.map(([p, c]) => p.length + c.length));
  const multiple = options.padToMultipleOf ?? 1;
  const T = options.seqLen ?? Math.ceil(longest / multiple) * multiple;
  if (longest > T) {
    throw new PrefoptError(
      'input',
      `a pair has ${longest} tokens, more than seqLen ${T}; truncate first (maxLength).`,
    );
  }
  const inputIds = new Int32Array(2 * B * T).fill(options.padId ?? 0); // [2B, T]
  const completionMask = new Float32Array(2 * B * T); // [2B, T]
  rows.forEach(([prompt, completion], r) => {
    inputIds.set(prompt, r * T);
    inputIds.set(completion, r * T + prompt.length);
    const from = Math.max(prompt.length, 1);
    completionMask.fill(1, r * T + from, r * T + prompt.length + completion.length);
  });
  return { size: B, seqLen: T, inputIds, completionMask };
}
