import { PrefoptError, type TokenizedExample, type UnpairedBatch } from '@prefopt/core';
import { collatePairs, type CollateOptions } from '../collate/collatePairs';

/**
 * N unpaired examples → one UnpairedBatch: rows [0, N) prompt_i + completion_i, rows [N, 2N)
 * prompt_i + completion_{(i−1) mod N} — KTO's mismatched pairs for its KL estimate, cycled
 * within the batch as TRL's KTO collator does — and the labels. N ≥ 2 (with one example the
 * "mismatched" pair would be the example itself; TRL refuses it too).
 */
export function collateUnpaired(
  examples: readonly TokenizedExample[],
  options: CollateOptions = {},
): UnpairedBatch {
  const n = examples.length;
  if (n < 2) {
    throw new PrefoptError(
      'config',
      `an unpaired batch needs at least 2 examples for KTO's KL estimate, got ${n}; raise --batch-size.`,
    );
  }
  const pairs = examples.map((e, i) => ({
    prompt: e.prompt,
    chosen: e.completion,
    rejected: examples[(i - 1 + n) % n].completion,
  }));
  return {
    ...collatePairs(pairs, options),
    labels: Float32Array.from(examples, (e) => (e.label ? 1 : 0)),
  };
}
