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
 * Accumulates BatchStats into means over all pairs. `loss` (each batch's is already a
 * batch mean) is weighted by the batch's pairs, so equal micro-batches give TRL's mean over
 * accumulation steps and an eval split's smaller last batch counts by its size.
 */
export class MetricsMean {
  private batches = 0;
  private pairs = 0;
  private sums = { loss: 0, c: 0, r: 0, acc: 0, margin: 0, lc: 0, lr: 0 };

  add(s: BatchStats): void {
    this.batches += 1;
    this.pairs += s.pairs;
    this.sums.loss += s.loss * s.pairs;
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
      loss: this.sums.loss / p,
      'rewards/chosen': this.sums.c / p,
      'rewards/rejected': this.sums.r / p,
      'rewards/accuracies': this.sums.acc / p,
      'rewards/margins': this.sums.margin / p,
      'logps/chosen': this.sums.lc / p,
      'logps/rejected': this.sums.lr / p,
    };
  }
}
