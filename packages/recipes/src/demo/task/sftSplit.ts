import { PrefoptError } from '@prefopt/core';
import type { TextPair } from './biggerNumberTask';
import { createRng } from './createRng';

/**
 * The SFT stage's data: the preference pairs' responses taken alike, as SFT on general
 * chat data precedes preference training in the SimPO paper. Each pair keeps its chosen
 * response as the SFT target with probability `ruleRate`, else the rejected one (swapped
 * into `chosen`, the field `sft` learns from), so the rule holds in about that share of
 * the SFT data and the SFT model leaves preference training room to improve.
 * Seeded (its own stream, so the preference pairs are not redrawn).
 */
export function sftSplit(pairs: readonly TextPair[], seed: number, ruleRate: number): TextPair[] {
  if (!(ruleRate >= 0 && ruleRate <= 1)) {
    throw new PrefoptError(
      'config',
      `bigger-number task: sftRuleRate must be in [0, 1], got ${ruleRate}.`,
    );
  }
  const rng = createRng(seed ^ 0x5f7);
  return pairs.map((p) =>
    rng.next() < ruleRate ? { ...p } : { prompt: p.prompt, chosen: p.rejected, rejected: p.chosen },
  );
}
