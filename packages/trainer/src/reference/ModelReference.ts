import * as tf from '@tensorflow/tfjs-core';
import type { CausalLM, PairLogps, PreferenceBatch } from '@prefopt/core';
import { batchTokens } from '../loop/tokenInputs';
import type { ReferenceSource } from './ReferenceSource';

/**
 * The reference as a frozen model (a copy of the initial policy). It is only ever run
 * outside the gradient tape, so its weights never receive a gradient.
 */
export class ModelReference implements ReferenceSource {
  readonly kind = 'model' as const;
  calls = 0;

  constructor(private readonly model: CausalLM) {}

  logps(batch: PreferenceBatch): PairLogps {
    this.calls += 1;
    const out = this.model.sequenceLogps(batch);
    tf.dispose([out.lengths.chosen, out.lengths.rejected]);
    return out.logps; // [B] each
  }

  tokenLogps(batch: PreferenceBatch): tf.Tensor2D {
    return tf.tidy(() => batchTokens(this.model, batch, { tokenLogps: true }).tokens); // [2B, T−1]
  }

  dispose(): void {
    this.model.dispose();
  }
}
