import { describe, expect, it } from 'vitest';
import { splitTrainEval } from './splitTrainEval';

const items = Array.from({ length: 20 }, (_, i) => `p${i}`);

describe('splitTrainEval', () => {
  it('holds out round(n · fraction) items, the same ones for the same seed, in file order', () => {
    const a = splitTrainEval(items, { evalFraction: 0.1, seed: 4 });
    expect(a.eval).toHaveLength(2); // round(20 · 0.1)
    expect(a.train).toHaveLength(18);
    expect(new Set([...a.train, ...a.eval]).size).toBe(20);
    expect(splitTrainEval(items, { evalFraction: 0.1, seed: 4 })).toEqual(a);
    const order = (xs: string[]) => xs.map((x) => Number(x.slice(1)));
    expect(order(a.train)).toEqual([...order(a.train)].sort((x, y) => x - y));
  });

  it('depends on the seed', () => {
    const picks = new Set(
      [0, 1, 2, 3, 4].map((seed) => splitTrainEval(items, { evalSize: 3, seed }).eval.join()),
    );
    expect(picks.size).toBeGreaterThan(1);
  });

  it('keeps at least one eval item for a small positive fraction and checks its inputs', () => {
    expect(splitTrainEval(items, { evalFraction: 0.01 }).eval).toHaveLength(1);
    expect(splitTrainEval(items, { evalFraction: 0 }).eval).toHaveLength(0);
    expect(() => splitTrainEval(items, { evalFraction: 1 })).toThrow(
      /--eval-split must be a fraction in \[0, 1\), got 1/,
    );
    expect(() => splitTrainEval(items, { evalSize: 20 })).toThrow(/integer in \[0, 20\)/);
  });
});
