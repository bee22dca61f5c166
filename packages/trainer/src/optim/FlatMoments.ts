import * as tf from '@tensorflow/tfjs-core';
import { adamwKernel, sumSquares, type AdamWScalars } from './flatAdamWKernel';

/**
 * The `flatAdamW` lever's storage: AdamW's moments of every variable as ONE host buffer per
 * moment (float32, the variables laid end to end). An update reads each gradient once, runs
 * `adamwKernel` over it and writes the new weights back with one tensor + assign per
 * variable: no tfjs op per element-wise step where the plain path runs ~15 ops per variable
 * (plus ~3 for clipping). The weights an update wrote are kept on the host and reused by the
 * next update while the variable still holds them (same dataId), so they are not read back.
 * For backends whose tensors live in host memory (tensorflow, cpu, wasm).
 */
export class FlatMoments {
  readonly m: Float32Array; // [total] first moments
  readonly v: Float32Array; // [total] second moments
  private readonly offsets: number[]; // start of variable i in the buffers
  private pending: Float32Array[] | null = null; // gradients of the prepared update
  private readonly written: { dataId: object; values: Float32Array }[] = []; // last weights

  constructor(private readonly variables: readonly tf.Variable[]) {
    this.offsets = [];
    let total = 0;
    for (const p of variables) {
      this.offsets.push(total);
      total += p.size;
    }
    this.m = new Float32Array(total);
    this.v = new Float32Array(total);
  }

  /** Views of variable i in a flat buffer. */
  view(buffer: Float32Array, i: number): Float32Array {
    const o = this.offsets[i];
    return buffer.subarray(o, o + this.variables[i].size);
  }

  /**
   * Reads the gradients for the next `update` and returns their global norm √Σ‖g‖². The
   * arrays read stay valid after the tensors are disposed (tfjs backends do not recycle a
   * tensor's host array; tensorflow and wasm return copies).
   */
  gather(grads: readonly tf.Tensor[]): number {
    this.pending = grads.map((g) => g.dataSync() as Float32Array);
    let s = 0;
    for (const g of this.pending) s += sumSquares(g);
    return Math.sqrt(s);
  }

  /** Forgets gathered gradients without applying them. */
  discard(): void {
    this.pending = null;
  }

  /** Applies the gathered gradients (scaled by `s.coef`) to every variable. */
  update(s: AdamWScalars, decays: (p: tf.Variable) => boolean): void {
    const grads = this.pending;
    if (!grads) throw new Error('FlatMoments.update: no gathered gradients'); // a bug
    this.pending = null;
    this.variables.forEach((p, i) => {
      const last = this.written[i];
      const current =
        last && last.dataId === p.dataId ? last.values : (p.dataSync() as Float32Array);
      const out = new Float32Array(p.size); // fresh: tfjs backends may keep it as storage
      adamwKernel(current, grads[i], this.view(this.m, i), this.view(this.v, i), out, s, decays(p));
      const next = tf.tensor(out, p.shape, 'float32');
      p.assign(next);
      next.dispose();
      this.written[i] = { dataId: p.dataId, values: out };
    });
  }
}
