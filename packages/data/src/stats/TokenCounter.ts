import type { TokenStats } from './TokenStats';

/** Running total / min / max of token counts; O(1) memory. */
export class TokenCounter {
  private n = 0;
  private total = 0;
  private min = Infinity;
  private max = 0;

  add(count: number): void {
    this.n++;
    this.total += count;
    this.min = Math.min(this.min, count);
    this.max = Math.max(this.max, count);
  }

  stats(): TokenStats {
    if (this.n === 0) return { total: 0, mean: 0, min: 0, max: 0 };
    return { total: this.total, mean: this.total / this.n, min: this.min, max: this.max };
  }
}
