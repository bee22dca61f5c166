import { PrefoptError } from '@prefopt/core';
import { describe, expect, it } from 'vitest';
import { biggerNumberTask, FILLERS } from './biggerNumberTask';
import { checkBiggerNumber } from './checkBiggerNumber';
import { taskStats } from './taskStats';

describe('biggerNumberTask', () => {
  it('is deterministic from its seed and changes with it', () => {
    const a = biggerNumberTask({ seed: 7, trainPairs: 50, heldoutPairs: 10 });
    const b = biggerNumberTask({ seed: 7, trainPairs: 50, heldoutPairs: 10 });
    const c = biggerNumberTask({ seed: 8, trainPairs: 50, heldoutPairs: 10 });
    expect(a).toEqual(b);
    expect(a.train).not.toEqual(c.train);
    expect(a.train).toHaveLength(50);
    expect(a.heldout).toHaveLength(10);
  });

  it('keeps held-out prompts distinct and out of the train split', () => {
    for (const digits of [1, 2] as const) {
      const { train, heldout } = biggerNumberTask({
        seed: 1,
        trainPairs: 500,
        heldoutPairs: 100,
        digits,
      });
      const trainPrompts = new Set(train.map((r) => r.prompt));
      expect(new Set(heldout.map((r) => r.prompt)).size).toBe(100);
      expect(heldout.filter((r) => trainPrompts.has(r.prompt))).toEqual([]);
    }
    // 1 digit: 10·9 + 10·9·8 = 810 distinct prompts in all, so 811 cannot be held out
    expect(() => biggerNumberTask({ seed: 1, trainPairs: 5, heldoutPairs: 811 })).toThrow(
      /cannot draw 811 distinct held-out prompts/,
    );
  });

  it('chosen follows the true rule and rejected breaks it', () => {
    const { train } = biggerNumberTask({ seed: 3, trainPairs: 300, heldoutPairs: 0 });
    const two = biggerNumberTask({ seed: 3, trainPairs: 300, heldoutPairs: 0, digits: 2 }).train;
    for (const r of two) expect(r.prompt).toMatch(/^Max \d\d( \d\d){1,2}\?$/);
    for (const r of [...train, ...two]) {
      if (train.includes(r)) expect(r.prompt).toMatch(/^Max \d( \d){1,2}\?$/);
      expect(checkBiggerNumber(r.prompt, r.chosen)).toBe(true);
      expect(checkBiggerNumber(r.prompt, r.rejected)).toBe(false);
    }
  });

  it('has the length bias of real preference data: chosen is longer on average', () => {
    const { train } = biggerNumberTask({ seed: 0, trainPairs: 2000, heldoutPairs: 0 });
    // Filler lengths 6,6,5,12,10,6,5,10 → mean 60/8 = 7.5 chars; the answer ' 7.' is 3.
    // Filler count means: chosen 0.3+0.6+0.75 = 1.65, rejected 0.3+0.4+0.3 = 1.0.
    // Expected chars: chosen 3 + 1.65·7.5 = 15.375, rejected 3 + 7.5 = 10.5
    // (sd of a 2000-pair mean ≈ 0.19, so ±0.7 is > 3 sd).
    expect(FILLERS.reduce((s, f) => s + f.length, 0)).toBe(60);
    const s = taskStats(train);
    expect(Math.abs(s.meanChosenChars - 15.375)).toBeLessThan(0.7);
    expect(Math.abs(s.meanRejectedChars - 10.5)).toBeLessThan(0.7);
    expect(s.chosenLongerFraction).toBeGreaterThan(0.5);
  });

  it("rejectedAnswer 'first-listed': the rejected response names the first number unless it is the biggest", () => {
    const { train } = biggerNumberTask({
      seed: 4,
      trainPairs: 600,
      heldoutPairs: 0,
      rejectedAnswer: 'first-listed',
    });
    let firstIsBiggest = 0;
    for (const r of train) {
      const numbers = r.prompt.slice(4, -1).split(' ').map(Number);
      const said = Number(/\d+/.exec(r.rejected)![0]);
      if (numbers[0] === Math.max(...numbers)) {
        firstIsBiggest++;
        expect(said).not.toBe(numbers[0]);
        expect(numbers).toContain(said);
      } else expect(said).toBe(numbers[0]);
    }
    // P(first is the biggest) = ½ · ½ (2 numbers) + ½ · ⅓ (3 numbers) = 5/12; sd of a 600-share ≈ 0.02
    expect(Math.abs(firstIsBiggest / 600 - 5 / 12)).toBeLessThan(0.07);
  });

  it('names a bad option in a config error', () => {
    expect(() => biggerNumberTask({ seed: 0, trainPairs: -1, heldoutPairs: 0 })).toThrow(
      /trainPairs must be an integer/,
    );
    expect(() =>
      biggerNumberTask({ seed: 0, trainPairs: 1, heldoutPairs: 0, digits: 3 as 1 }),
    ).toThrow(/digits must be 1 or 2/);
    expect(() =>
      biggerNumberTask({ seed: 0, trainPairs: 1, heldoutPairs: 0, minNumbers: 1 }),
    ).toThrow(/minNumbers <= maxNumbers/);
    try {
      biggerNumberTask({ seed: 0, trainPairs: 1, heldoutPairs: 0, maxNumbers: 9 });
    } catch (e) {
      expect(PrefoptError.is(e, 'config')).toBe(true);
    }
  });
});

describe('checkBiggerNumber', () => {
  it('checks the first number of a response against the prompt', () => {
    expect(checkBiggerNumber('Max 37 52 18?', ' 52. Easy.')).toBe(true);
    expect(checkBiggerNumber('Max 37 52 18?', '52')).toBe(true);
    expect(checkBiggerNumber('Max 37 52 18?', ' 37. 52.')).toBe(false);
    expect(checkBiggerNumber('Max 37 52 18?', ' 5. Easy.')).toBe(false);
    expect(checkBiggerNumber('Max 37 52 18?', ' Easy.')).toBe(false);
    expect(checkBiggerNumber('Max 37?', ' 37.')).toBe(false);
    expect(checkBiggerNumber('What is 2+2?', ' 4.')).toBe(false);
  });
});
