import { PrefoptError } from '@prefopt/core';
import { describe, expect, it } from 'vitest';
import { BatchSampler } from './BatchSampler';
import { seededPermutation } from './seededPermutation';

describe('BatchSampler', () => {
  it('walks each epoch in its seeded order, the last batch smaller', () => {
    const s = new BatchSampler(5, { batchSize: 2, seed: 3 });
    const e0 = seededPermutation(5, 3, 0);
    const e1 = seededPermutation(5, 3, 1);
    expect(s.batchesPerEpoch).toBe(3);
    expect(s.next()).toEqual({ indices: e0.slice(0, 2), epoch: 0 });
    expect(s.next()).toEqual({ indices: e0.slice(2, 4), epoch: 0 });
    expect(s.position).toEqual({ epoch: 0, index: 4 });
    expect(s.next()).toEqual({ indices: e0.slice(4, 5), epoch: 0 });
    expect(s.position).toEqual({ epoch: 1, index: 0 });
    expect(s.next()).toEqual({ indices: e1.slice(0, 2), epoch: 1 });
  });

  it('drops the smaller last batch with dropLast, and keeps file order without shuffle', () => {
    const s = new BatchSampler(5, { batchSize: 2, shuffle: false, dropLast: true });
    expect([s.next(), s.next(), s.next()].map((b) => b.indices)).toEqual([
      [0, 1],
      [2, 3],
      [0, 1],
    ]);
    expect(s.batchesPerEpoch).toBe(2);
  });

  it('resumes from a saved position on exactly the batches an uninterrupted run draws', () => {
    const straight = new BatchSampler(7, { batchSize: 3, seed: 11 });
    const expected = Array.from({ length: 10 }, () => straight.next());
    const first = new BatchSampler(7, { batchSize: 3, seed: 11 });
    const head = Array.from({ length: 4 }, () => first.next());
    const saved = JSON.parse(JSON.stringify(first.position)); // survives a checkpoint file
    const resumed = new BatchSampler(7, { batchSize: 3, seed: 11 }, saved);
    const tail = Array.from({ length: 6 }, () => resumed.next());
    expect([...head, ...tail]).toEqual(expected);
  });

  it('refuses bad sizes and positions that do not fit the data', () => {
    expect(() => new BatchSampler(5, { batchSize: 0 })).toThrow(
      /--batch-size must be a positive integer, got 0/,
    );
    expect(() => new BatchSampler(3, { batchSize: 4, dropLast: true })).toThrow(
      /fewer than one batch/,
    );
    const e = (() => {
      try {
        new BatchSampler(5, { batchSize: 2 }, { epoch: 0, index: 5 });
      } catch (err) {
        return err;
      }
    })();
    expect(PrefoptError.is(e, 'checkpoint')).toBe(true);
  });
});
