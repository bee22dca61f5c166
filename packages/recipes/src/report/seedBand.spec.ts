import { describe, expect, it } from 'vitest';
import { seedBand } from './seedBand';

describe('seedBand', () => {
  it('averages the seeds at the steps they share and keeps their range', () => {
    const s = seedBand([
      [
        [1, 1],
        [2, 4],
        [3, 0],
      ],
      [
        [1, 3],
        [2, 2],
      ],
      [
        [1, 2],
        [2, 6],
      ],
    ]);
    // step 1: (1 + 3 + 2) / 3 = 2, range [1, 3]; step 2: (4 + 2 + 6) / 3 = 4, [2, 6]; step 3 only seed 0
    expect(s.mean).toEqual([
      [1, 2],
      [2, 4],
    ]);
    expect(s.band).toEqual([
      [1, 1, 3],
      [2, 2, 6],
    ]);
  });

  it('one seed: the curve itself, no band', () => {
    expect(seedBand([[[1, 5]]])).toEqual({ mean: [[1, 5]], band: [] });
  });
});
