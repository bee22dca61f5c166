import { seededRandom } from '@prefopt/core';
import { describe, expect, it } from 'vitest';
import { lengthControlledWinRate, sigmoid, type Judgement } from './lengthControlledWinRate';

/** Judgements drawn from the GLM itself with known θ and φ (lengths ~ uniform integers). */
function synthetic(n: number, theta: number, phi: number, seed: number, longer = 20): Judgement[] {
  const random = seededRandom(seed);
  const raw = Array.from({ length: n }, () => ({
    modelLength: Math.floor(random() * 80) + longer,
    baselineLength: Math.floor(random() * 80),
  }));
  const diffs = raw.map((r) => r.modelLength - r.baselineLength);
  const mean = diffs.reduce((a, b) => a + b, 0) / n;
  const sd = Math.sqrt(diffs.reduce((a, d) => a + (d - mean) ** 2, 0) / n);
  return raw.map((r, i) => ({
    ...r,
    preference: random() < sigmoid(theta + phi * Math.tanh(diffs[i] / sd)) ? 1 : 0,
  }));
}

describe('lengthControlledWinRate', () => {
  it('recovers a known quality and length effect, and removes the length bias from the win rate', () => {
    const judgements = synthetic(6000, 0.4, 1.5, 7);
    const fit = lengthControlledWinRate(judgements);
    expect(fit.theta).toBeCloseTo(0.4, 1);
    expect(fit.phi).toBeCloseTo(1.5, 1);
    expect(Math.abs(fit.lcWinRate - sigmoid(0.4))).toBeLessThan(0.025);
    // The model answers longer on average and length wins, so the raw rate overstates it.
    expect(fit.winRate - fit.lcWinRate).toBeGreaterThan(0.07);
  });

  it('with equal quality, a length-only advantage gives an LC win rate near ½', () => {
    const fit = lengthControlledWinRate(synthetic(6000, 0, 2, 11));
    expect(fit.winRate).toBeGreaterThan(0.6);
    expect(Math.abs(fit.lcWinRate - 0.5)).toBeLessThan(0.03);
  });

  it('satisfies the maximum-likelihood equations Σ(y − p) = 0 and Σ(y − p)·x = 0', () => {
    const judgements = synthetic(500, -0.3, 0.8, 3);
    const fit = lengthControlledWinRate(judgements);
    let r0 = 0;
    let r1 = 0;
    for (const j of judgements) {
      const x = Math.tanh((j.modelLength - j.baselineLength) / fit.lengthScale);
      const p = sigmoid(fit.theta + fit.phi * x);
      r0 += j.preference - p;
      r1 += (j.preference - p) * x;
    }
    // The ridge (1e-6 per parameter, on the mean log-likelihood) shifts these by ~1e-6·n·|θ|.
    expect(Math.abs(r0)).toBeLessThan(1e-3);
    expect(Math.abs(r1)).toBeLessThan(1e-3);
  });

  it('equals the raw win rate (ties ½) when every length difference is the same', () => {
    // 3 wins, 1 tie, 2 losses of 6: raw = 3.5 / 6; θ = logit(3.5 / 6) by hand.
    const prefs = [1, 1, 1, 0.5, 0, 0];
    const fit = lengthControlledWinRate(
      prefs.map((preference) => ({ preference, modelLength: 10, baselineLength: 10 })),
    );
    expect(fit.winRate).toBeCloseTo(3.5 / 6, 12);
    expect(fit.lcWinRate).toBeCloseTo(3.5 / 6, 6);
    expect(fit.theta).toBeCloseTo(Math.log(3.5 / 2.5), 5);
    expect(fit.phi).toBe(0);
    expect(fit.lengthScale).toBe(0);
  });

  it('stays finite when every judgement goes one way', () => {
    const fit = lengthControlledWinRate(
      [3, 9, 4, 12].map((m) => ({ preference: 1, modelLength: m, baselineLength: 5 })),
    );
    expect(Number.isFinite(fit.theta)).toBe(true);
    expect(fit.lcWinRate).toBeGreaterThan(0.99);
  });

  it('names a bad judgement', () => {
    expect(() =>
      lengthControlledWinRate([{ preference: 2, modelLength: 1, baselineLength: 1 }]),
    ).toThrow(
      expect.objectContaining({ kind: 'input', message: expect.stringContaining('judgement 0') }),
    );
    expect(() => lengthControlledWinRate([])).toThrow(expect.objectContaining({ kind: 'input' }));
  });
});
