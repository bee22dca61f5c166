import * as tf from '@tensorflow/tfjs-core';
import { adamwKernel, sumSquares, type AdamWScalars } from './flatAdamWKernel';
import { createSimdAdamW, type SimdAdamW } from './simdAdamW';

/** Largest flat size the SIMD kernel's 4 regions take in one wasm memory (< 4 GiB). */
const SIMD_MAX_FLOATS = 2 ** 28 - 2 ** 16;

/**
 * The `flatAdamW` lever's storage: every variable laid end to end (each start 16-byte
 * aligned) in four float32 buffers — weights, gradients, first and second moments. An update
 * copies each gradient in once (summing its squares for the global norm), runs one fused
 * element-wise pass per variable — the WebAssembly SIMD kernel (`simdAdamW.ts`: float32, the
 * plain path's bits) where WebAssembly SIMD exists, else `adamwKernel` (float64 arithmetic) —
 * in place over the weights, and hands a copy of them to `tf.tensor` + `assign`: no tfjs op
 * per element-wise step where the plain path runs ~16 kernels per variable. The weights
 * buffer stays valid while a variable still holds what the last update wrote (same dataId),
 * so they are read back from the backend only after someone else assigned them.
 * For backends whose tensors live in host memory (tensorflow, cpu, wasm).
 */
export class FlatMoments {
  readonly m: Float32Array; // [total] first moments
  readonly v: Float32Array; // [total] second moments
  private readonly p: Float32Array; // [total] weights as the last update wrote them
  private readonly g: Float32Array; // [total] gradients of the prepared update
  private readonly offsets: number[]; // start of variable i in the buffers (a multiple of 4)
  private readonly simd: SimdAdamW | null;
  private readonly written: (object | null)[]; // dataId whose values `p` holds, per variable
  private pending = false;

  /** `simd` false: the plain JavaScript kernel even where WebAssembly SIMD exists (specs). */
  constructor(
    private readonly variables: readonly tf.Variable[],
    simd = true,
  ) {
    this.offsets = [];
    let total = 0;
    for (const p of variables) {
      this.offsets.push(total);
      total += Math.ceil(p.size / 4) * 4;
    }
    this.simd = simd && total <= SIMD_MAX_FLOATS ? createSimdAdamW() : null;
    if (this.simd) {
      const bytes = 4 * total * 4;
      this.simd.memory.grow(Math.ceil(bytes / 65536)); // once: views stay attached
      const region = (k: number) =>
        new Float32Array(this.simd!.memory.buffer, k * total * 4, total);
      [this.p, this.g, this.m, this.v] = [0, 1, 2, 3].map(region);
    } else {
      [this.p, this.g, this.m, this.v] = [0, 1, 2, 3].map(() => new Float32Array(total));
    }
    this.written = variables.map(() => null);
  }

  /** Whether the WebAssembly SIMD kernel runs the updates. */
  get usesSimd(): boolean {
    return this.simd !== null;
  }

  /** Views of variable i in a flat buffer. */
  view(buffer: Float32Array, i: number): Float32Array {
    const o = this.offsets[i];
    return buffer.subarray(o, o + this.variables[i].size);
  }

  /** Copies the gradients in for the next `update`; returns their global norm √Σ‖g‖². */
  gather(grads: readonly tf.Tensor[]): number {
    let s = 0;
    grads.forEach((g, i) => {
      const values = g.dataSync() as Float32Array;
      this.g.set(values, this.offsets[i]);
      s += sumSquares(values);
    });
    this.pending = true;
    return Math.sqrt(s);
  }

  /** Forgets gathered gradients without applying them. */
  discard(): void {
    this.pending = false;
  }

  /** Applies the gathered gradients (scaled by `s.coef`) to every variable. */
  update(s: AdamWScalars, decays: (p: tf.Variable) => boolean): void {
    if (!this.pending) throw new Error('FlatMoments.update: no gathered gradients'); // a bug
    this.pending = false;
    this.variables.forEach((p, i) => {
      const weights = this.view(this.p, i);
      if (this.written[i] !== p.dataId) weights.set(p.dataSync() as Float32Array);
      this.kernel(i, s, decays(p));
      const next = tf.tensor(weights.slice(), p.shape, 'float32'); // a copy: backends keep it
      p.assign(next);
      next.dispose();
      this.written[i] = p.dataId;
    });
  }

  private kernel(i: number, s: AdamWScalars, decay: boolean): void {
    const keep = decay ? s.keep : 1;
    if (this.simd) {
      const o = this.offsets[i] * 4; // bytes into each region
      const region = this.p.length * 4;
      const n = Math.ceil(this.variables[i].size / 4) * 4; // the padding lanes are never read
      this.simd.adamw(
        o,
        region + o,
        2 * region + o,
        3 * region + o,
        n,
        s.coef,
        s.beta1,
        s.oneMinusBeta1,
        s.beta2,
        s.oneMinusBeta2,
        s.bc2Sqrt,
        s.epsilon,
        s.stepSize,
        keep,
      );
      return;
    }
    const [p, g, m, v] = [this.p, this.g, this.m, this.v].map((b) => this.view(b, i));
    adamwKernel(p, g, m, v, p, { ...s, keep }, true);
  }
}
