import { describe, expect, it } from 'vitest';
import { demoPresets } from '../demoPresets';
import { biggerNumberTask, FILLERS } from './biggerNumberTask';
import { checkBiggerNumber } from './checkBiggerNumber';
import { sftSplit } from './sftSplit';

/**
 * P(chosen strictly longer) worked out from the task's definition alone: both answers are
 * one digit (` 7.`, 3 characters), so only the fillers differ. k fillers, each one of the
 * 8 FILLERS uniformly, with k drawn by the weights below (the task's defaults).
 */
function chosenLongerProbability(chosenWeights: number[], rejectedWeights: number[]): number {
  const lengths = FILLERS.map((f) => f.length);
  const fillerLength = (weights: number[]) => {
    const total = weights.reduce((a, b) => a + b, 0);
    const dist = new Map<number, number>();
    weights.forEach((w, k) => {
      // every sequence of k fillers, 8^k of them
      for (let code = 0; code < 8 ** k; code++) {
        let len = 0;
        for (let i = 0, c = code; i < k; i++, c = Math.floor(c / 8)) len += lengths[c % 8];
        dist.set(len, (dist.get(len) ?? 0) + w / total / 8 ** k);
      }
    });
    return dist;
  };
  let p = 0;
  for (const [a, pa] of fillerLength(chosenWeights))
    for (const [b, pb] of fillerLength(rejectedWeights)) if (a > b) p += pa * pb;
  return p;
}

describe('the demo task has headroom and the length bias of real data', () => {
  // the full demo preset's task (2000 train pairs)
  const { train } = biggerNumberTask({ seed: 0, ...demoPresets.full.task });

  it('chosen is longer in ~62% of pairs: counted against the exact probability', () => {
    expect(train).toHaveLength(2000);
    const p = chosenLongerProbability([0.15, 0.3, 0.3, 0.25], [0.4, 0.3, 0.2, 0.1]);
    expect(p).toBeCloseTo(0.6175, 4);
    // counted directly on the text (sd of a 2000-pair share ≈ 0.011; ±0.035 is > 3 sd)
    const longer = train.filter((r) => r.chosen.length > r.rejected.length).length;
    expect(Math.abs(longer / 2000 - p)).toBeLessThan(0.035);
  });

  it('the SFT data follow the rule in about `ruleRate` of records, the rest are rejected responses', () => {
    for (const rate of [demoPresets.full.sftRuleRate, 0.3]) {
      const sft = sftSplit(train, 0, rate);
      expect(sft).toHaveLength(train.length);
      let kept = 0;
      sft.forEach((r, i) => {
        // each record is its pair as drawn, or the pair swapped
        const same = r.chosen === train[i].chosen && r.rejected === train[i].rejected;
        const swapped = r.chosen === train[i].rejected && r.rejected === train[i].chosen;
        expect(same || swapped).toBe(true);
        if (same) kept++;
      });
      const passing = sft.filter((r) => checkBiggerNumber(r.prompt, r.chosen)).length;
      expect(passing).toBe(kept); // the rule holds exactly in the kept records
      expect(Math.abs(passing / 2000 - rate)).toBeLessThan(0.035); // sd ≈ 0.011
    }
    expect(sftSplit(train, 0, 0.6)).toEqual(sftSplit(train, 0, 0.6));
    expect(sftSplit(train, 1, 0.6)).not.toEqual(sftSplit(train, 0, 0.6));
  });

  it('names a bad rule rate', () => {
    expect(() => sftSplit(train, 0, 1.5)).toThrow(/sftRuleRate must be in \[0, 1\], got 1.5/);
  });
});
