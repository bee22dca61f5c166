import { describe, expect, it } from 'vitest';
import { MetricsMean } from './MetricsMean';

describe('MetricsMean', () => {
  it('averages over pairs, weighting each batch loss by its size', () => {
    const mean = new MetricsMean();
    // batch 1: 3 pairs, loss 0.5; batch 2: 1 pair, loss 1.5
    mean.add({
      pairs: 3,
      loss: 0.5,
      chosenRewards: 3,
      rejectedRewards: -3,
      accuracies: 2,
      margins: 6,
      logpsChosen: -30,
      logpsRejected: -36,
    });
    mean.add({
      pairs: 1,
      loss: 1.5,
      chosenRewards: -1,
      rejectedRewards: 1,
      accuracies: 0,
      margins: -2,
      logpsChosen: -10,
      logpsRejected: -8,
    });
    expect(mean.count).toBe(2);
    expect(mean.mean()).toEqual({
      loss: (3 * 0.5 + 1.5) / 4, // 0.75
      'rewards/chosen': (3 - 1) / 4, // 0.5
      'rewards/rejected': (-3 + 1) / 4, // -0.5
      'rewards/accuracies': 2 / 4,
      'rewards/margins': (6 - 2) / 4, // 1
      'logps/chosen': -40 / 4,
      'logps/rejected': -44 / 4,
    });
  });
});
