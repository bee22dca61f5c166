import type { PreferenceBatch } from '@prefopt/core';
import { resolveModelConfig } from '@prefopt/model';
import type { BenchOptions } from './BenchOptions';
import { syntheticBatch } from './syntheticBatch';

/** The one synthetic batch every bench step trains on (seeded one past the model's seed). */
export function benchBatch(options: BenchOptions): PreferenceBatch {
  const vocab = resolveModelConfig(options.modelConfig).vocab;
  return syntheticBatch(options.batch, options.seq, vocab, options.seed + 1, options.promptShare);
}
