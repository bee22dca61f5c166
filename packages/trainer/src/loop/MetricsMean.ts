import type { BatchStats } from './batchStats';

/** TRL's batch means, over the micro-batches of one optimiser step or an eval pass. */
export interface MeanMetrics {
  loss: number;
  'rewards/chosen': number;
  'rewards/rejected': number;
  'rewards/accuracies': number;
  'rewards/margins': number;
  'logps/chosen': number;
  'logps/rejected': number;
}

/**
 * Accumulates BatchStats: `loss` is the mean of the batch losses (each already a batch
 * mean, as TRL averages over accumulation steps), the rest are means over all pairs.
 */
export class MetricsMean {
  private batches = 0;
  private pairs = 0;
  private sums = { loss: 0, c: 0, r: 0, acc: 0, margin: 0, lc: 0, lr: 0 };

  add(s: BatchStats): void {
    this.batches += 1;
    this.pairs += s.pairs;
    this.sums.loss += s.loss;
    this.sums.c += s.chosenRewards;
    this.sums.r += s.rejectedRewards;
    this.sums.acc += s.accuracies;
    this.sums.margin += s.margins;
    this.sums.lc += s.logpsChosen;
    this.sums.lr += s.logpsRejected;
  }

  get count(): number {
    return this.batches;
  }

  mean(): MeanMetrics {
    const p = Math.max(1, this.pairs);
    return {
      loss: this.sums.loss / Math.max(1, this.batches),
      'rewards/chosen': this.sums.c / p,
      'rewards/rejected': this.sums.r / p,
      'rewards/accuracies': this.sums.acc / p,
      'rewards/margins': this.sums.margin / p,
      'logps/chosen': this.sums.lc / p,
      'logps/rejected': this.sums.lr / p,
    };
  }
}
