import { describe, expect, it } from 'vitest';
import type { Generation, PairResult } from '../AblationJob';
import { baselineFigures, seedFigures } from './seedFigures';

const gen = (prompt: string, score: number, tokens: number): Generation => ({
  prompt,
  text: 'x'.repeat(tokens),
  tokens,
  score,
});
const pair = (correct: boolean, chosenNotLonger: boolean, margin: number): PairResult => ({
  correct,
  chosenNotLonger,
  margin,
});

// A tiny synthetic output of two seeds: two held-out pairs and two prompts each.
const baseline = { generations: [gen('a', 1, 4), gen('b', 0, 4)] };
const outcomes = [
  {
    seed: 3,
    baseline,
    result: {
      pairResults: [pair(true, true, 2), pair(false, false, -1)],
      generations: [gen('a', 1, 6), gen('b', 1, 6)], // tie on a, win on b
    },
  },
  {
    seed: 4,
    baseline,
    result: {
      pairResults: [pair(true, true, 1), pair(true, false, 2)],
      generations: [gen('a', 0, 6), gen('b', 1, 6)], // loss on a, win on b
    },
  },
];

describe('seedFigures (means and 95% bootstrap intervals over seeds and prompts)', () => {
  const { values, intervals } = seedFigures(outcomes);

  it('means over all (seed, pair) and (seed, prompt) cells, worked out by hand', () => {
    expect(values.heldoutAccuracy).toBe(3 / 4); // correct: 1, 0, 1, 1
    expect(values.heldoutAccuracyNotLonger).toBe(1); // the two not-longer pairs are both right
    expect(values.heldoutMargin).toBe((2 - 1 + 1 + 2) / 4);
    expect(values.winRate).toBe((0.5 + 1 + 0 + 1) / 4);
    expect(values.ruleRate).toBe(3 / 4);
    expect(values.meanGenLength).toBe(6);
    // every length difference is 6 − 4 = 2: no length variation, so LC = the raw win rate
    // (up to the estimator's 1e-6 ridge)
    expect(values.lcWinRate).toBeCloseTo(0.625, 5);
    expect(intervals.heldoutAccuracy?.value).toBe(values.heldoutAccuracy);
  });

  it('percentile intervals that follow from the resampling distribution', () => {
    // Accuracy: 4 cells, 3 right → a resample's mean is Binomial(4, ¾)/4. P(0) = 1/256 < 2.5%
    // and P(≤ ¼) = 13/256 ≈ 5.1% > 2.5%, so the 2.5% quantile is ¼; P(1) = 81/256 ≈ 32% > 2.5%,
    // so the 97.5% quantile is 1.
    expect(intervals.heldoutAccuracy).toMatchObject({ low: 0.25, high: 1, level: 0.95 });
    // Constant cells: every resample gives the same mean.
    expect(intervals.heldoutAccuracyNotLonger).toMatchObject({ value: 1, low: 1, high: 1 });
    expect(intervals.meanGenLength).toMatchObject({ value: 6, low: 6, high: 6 });
    // Rule: 3 of 4 cells pass, as for accuracy.
    expect(intervals.ruleRate).toMatchObject({ low: 0.25, high: 1 });
    // Win: cells ½, 1, 0, 1 (P ¼, ½, ¼ per draw). Mean 1 needs four 1s: (½)⁴ = 16/256 > 2.5%,
    // so the 97.5% quantile is 1. Mean ≤ ⅛ (four 0s, or three 0s and a ½): 5/256 ≈ 2.0% < 2.5%;
    // mean ≤ ¼ adds two 0s + two ½s (6/256) and three 0s + a 1 (8/256): 19/256 ≈ 7.4%, so ¼.
    expect(intervals.winRate).toMatchObject({ low: 0.25, high: 1 });
  });

  it('is reproducible: the bootstrap is seeded', () => {
    expect(seedFigures(outcomes)).toEqual(seedFigures(outcomes));
  });

  it('leaves out what was not measured', () => {
    const f = seedFigures([
      {
        seed: 0,
        baseline: { generations: [] },
        result: { generations: [{ prompt: 'a', text: 'x', tokens: 1, score: null }] },
      },
    ]);
    expect(f.values).toMatchObject({
      heldoutAccuracy: null,
      ruleRate: null,
      winRate: null,
      lcWinRate: null,
      meanGenLength: 1,
    });
    expect(Object.keys(f.intervals)).toEqual(['meanGenLength']);
  });

  it('rejects generations that answer other prompts than the baseline', () => {
    const bad = { generations: [gen('a', 1, 4), gen('c', 0, 4)] };
    expect(() => seedFigures([{ ...outcomes[0], baseline: bad }])).toThrow(
      expect.objectContaining({ kind: 'input' }),
    );
  });
});

describe('baselineFigures', () => {
  it('rule rate and length of the start over its prompts', () => {
    const b = baselineFigures([baseline]);
    expect(b.values).toEqual({ ruleRate: 0.5, meanGenLength: 4 });
    // 2 cells 1 and 0: resample means 0, ½, 1 with P ¼, ½, ¼ → the 2.5% / 97.5% quantiles are 0 / 1
    expect(b.intervals.ruleRate).toMatchObject({ value: 0.5, low: 0, high: 1 });
  });
});
