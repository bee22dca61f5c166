import type { PreferenceBatch, TokenizedPair } from '@prefopt/core';
import { seededRandom, type BatchStream, type JsonValue } from '@prefopt/core';

/**
 * A BatchStream over in-memory pairs for the trainer's specs: seeded shuffle per epoch
 * (mulberry32), right-padded collation, position = { epoch, index }.
 */
export class ArrayBatchStream implements BatchStream {
  readonly batchesPerEpoch: number;
  private epoch = 0;
  private index = 0;
  private order: number[] = [];

  constructor(
    private readonly pairs: readonly TokenizedPair[],
    private readonly batchSize: number,
    private readonly seed: number,
  ) {
    this.batchesPerEpoch = Math.floor(pairs.length / batchSize);
    this.order = this.shuffled(0);
  }

  next(): PreferenceBatch {
    if (this.index >= this.batchesPerEpoch) {
      this.epoch += 1;
      this.index = 0;
      this.order = this.shuffled(this.epoch);
    }
    const picked = this.order.slice(this.index * this.batchSize, (this.index + 1) * this.batchSize);
    this.index += 1;
    return collate(picked.map((i) => this.pairs[i]));
  }

  position(): JsonValue {
    return { epoch: this.epoch, index: this.index };
  }

  restore(position: JsonValue): void {
    const p = position as { epoch: number; index: number };
    this.epoch = p.epoch;
    this.index = p.index;
    this.order = this.shuffled(p.epoch);
  }

  /** Batches of the pairs in order, for eval and reference passes. */
  static batches(pairs: readonly TokenizedPair[], batchSize: number): PreferenceBatch[] {
    const out: PreferenceBatch[] = [];
    for (let i = 0; i < pairs.length; i += batchSize)
      out.push(collate(pairs.slice(i, i + batchSize)));
    return out;
  }

  private shuffled(epoch: number): number[] {
    const rand = seededRandom((this.seed * 1000003 + epoch) >>> 0);
    const order = this.pairs.map((_, i) => i);
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    return order;
  }
}

function collate(pairs: readonly TokenizedPair[]): PreferenceBatch {
  const B = pairs.length;
  const rows = [
    ...pairs.map((p) => [p.prompt, p.chosen]),
    ...pairs.map((p) => [p.prompt, p.rejected]),
  ];
  const T = Math.max(...rows.map(([p, c]) => p.length + c.length));
  const inputIds = new Int32Array(2 * B * T);
  const completionMask = new Float32Array(2 * B * T);
  rows.forEach(([prompt, completion], r) => {
    inputIds.set([...prompt, ...completion], r * T);
    completionMask.fill(1, r * T + prompt.length, r * T + prompt.length + completion.length);
  });
  return { size: B, seqLen: T, inputIds, completionMask };
}
