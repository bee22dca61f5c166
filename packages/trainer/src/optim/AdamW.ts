import * as tf from '@tensorflow/tfjs-core';
import { leverEnabled, PrefoptError } from '@prefopt/core';
import { clipByGlobalNorm, clipCoefficient } from './clipByGlobalNorm';
import { FlatMoments } from './FlatMoments';
import type { AdamWScalars } from './flatAdamWKernel';

/** AdamW's hyper-parameters (defaults as transformers' TrainingArguments). */
export interface AdamWSettings {
  beta1: number; // 0.9
  beta2: number; // 0.999
  epsilon: number; // 1e-8
  /** Decoupled weight decay, applied to matrices only (norm gains are not decayed). */
  weightDecay: number; // 0
}

/** Moments of every variable plus the step count: what a checkpoint stores. */
export interface AdamWState {
  step: number;
  /** In the order of the variables handed to the constructor. */
  names: string[];
  m: Float32Array[];
  v: Float32Array[];
}

/**
 * Clipped gradients waiting for their update (`AdamW.prepare`): the norm is known, so the
 * caller can check it before `apply`. Exactly one of `apply` / `discard` must be called.
 */
export interface PreparedUpdate {
  /** The global gradient norm before clipping (what `grad_norm` logs). */
  readonly norm: number;
  apply(lr: number): void;
  discard(): void;
}

/** tfjs backends whose tensors live in host memory: the `flatAdamW` lever runs there. */
const HOST_BACKENDS = new Set(['tensorflow', 'cpu', 'wasm']);

export const DEFAULT_ADAMW: AdamWSettings = {
  beta1: 0.9,
  beta2: 0.999,
  epsilon: 1e-8,
  weightDecay: 0,
};

/**
 * AdamW (Loshchilov & Hutter, 2019, Algorithm 2) exactly as torch.optim.AdamW computes it:
 *   p ← p·(1 − lr·λ);  m ← β1·m + (1−β1)·g;  v ← β2·v + (1−β2)·g²
 *   p ← p − (lr / (1−β1^t)) · m / (√v / √(1−β2^t) + ε)
 * tfjs's `adam` folds weight decay into the gradient (L2), hence this class. Its moments are
 * plain tf.Variables (not trainable) so `getState`/`setState` can save and restore them.
 *
 * Lever `flatAdamW` (on unless `PREFOPT_LEVERS` disables it; read when the optimiser is
 * built): on host-memory backends with float32 variables the moments live in one flat host
 * buffer each instead (`FlatMoments`) and clipping + the update run as one fused pass per
 * variable (float64 arithmetic, float32 storage: equal to the plain path within float32
 * rounding).
 */
export class AdamW {
  readonly settings: AdamWSettings;
  private readonly variables: readonly tf.Variable[];
  private readonly m: tf.Variable[]; // plain path only
  private readonly v: tf.Variable[];
  private readonly flat: FlatMoments | null; // lever flatAdamW
  private t = 0;

  constructor(variables: readonly tf.Variable[], settings: Partial<AdamWSettings> = {}) {
    this.settings = { ...DEFAULT_ADAMW, ...settings };
    const { beta1, beta2, epsilon, weightDecay } = this.settings;
    check(beta1 >= 0 && beta1 < 1, `beta1 must be in [0, 1), got ${beta1}`);
    check(beta2 >= 0 && beta2 < 1, `beta2 must be in [0, 1), got ${beta2}`);
    check(epsilon > 0, `epsilon must be > 0, got ${epsilon}`);
    check(weightDecay >= 0, `weight decay must be >= 0, got ${weightDecay}`);
    this.variables = variables;
    const flat =
      leverEnabled('flatAdamW') &&
      HOST_BACKENDS.has(tf.getBackend()) &&
      variables.every((p) => p.dtype === 'float32');
    this.flat = flat ? flatOrNull(variables) : null;
    // tidy frees the zeros the variables were made from (a variable is not a tidy result).
    const zeros = () =>
      this.flat ? [] : tf.tidy(() => variables.map((p) => tf.variable(tf.zerosLike(p), false))); // as p
    this.m = zeros();
    this.v = zeros();
  }

  /** Whether the `flatAdamW` lever runs this optimiser (see the class comment). */
  get isFlat(): boolean {
    return this.flat !== null;
  }

  /**
   * Global-norm clipping (as `clipByGlobalNorm`) of `grads[i]` for `variables[i]`, ready to
   * apply. The caller keeps ownership of `grads` and may dispose them once this resolves.
   */
  async prepare(grads: readonly tf.Tensor[], maxGradNorm: number): Promise<PreparedUpdate> {
    this.checkCount(grads);
    const flat = this.flat;
    if (flat) {
      const norm = flat.gather(grads);
      const coef = clipCoefficient(norm, maxGradNorm);
      return { norm, apply: (lr) => this.flatStep(flat, lr, coef), discard: () => flat.discard() };
    }
    const { clipped, norm } = await clipByGlobalNorm(grads, maxGradNorm);
    let open = true;
    const close = () => {
      if (open) tf.dispose(clipped);
      open = false;
    };
    return {
      norm,
      apply: (lr) => {
        try {
          this.apply(clipped, lr);
        } finally {
          close();
        }
      },
      discard: close,
    };
  }

  get step(): number {
    return this.t;
  }

  /** One update with `grads[i]` for `variables[i]` (caller keeps ownership of grads). */
  apply(grads: readonly tf.Tensor[], lr: number): void {
    this.checkCount(grads);
    if (this.flat) {
      this.flat.gather(grads);
      this.flatStep(this.flat, lr, 1);
      return;
    }
    this.t += 1;
    const { beta1, beta2, epsilon, weightDecay } = this.settings;
    const stepSize = lr / (1 - beta1 ** this.t);
    const bc2Sqrt = Math.sqrt(1 - beta2 ** this.t);
    tf.tidy(() => {
      this.variables.forEach((p, i) => {
        const g = grads[i]; // same shape as p
        const m = tf.add(tf.mul(this.m[i], beta1), tf.mul(g, 1 - beta1));
        const v = tf.add(tf.mul(this.v[i], beta2), tf.mul(tf.square(g), 1 - beta2));
        const decayed = weightDecay > 0 && p.rank >= 2 ? tf.mul(p, 1 - lr * weightDecay) : p;
        const denom = tf.add(tf.div(tf.sqrt(v), bc2Sqrt), epsilon);
        p.assign(tf.sub(decayed, tf.mul(tf.div(m, denom), stepSize)));
        this.m[i].assign(m);
        this.v[i].assign(v);
      });
    });
  }

  private flatStep(flat: FlatMoments, lr: number, coef: number): void {
    this.t += 1;
    const { beta1, beta2, epsilon, weightDecay } = this.settings;
    const s: AdamWScalars = {
      beta1,
      oneMinusBeta1: 1 - beta1,
      beta2,
      oneMinusBeta2: 1 - beta2,
      epsilon,
      bc2Sqrt: Math.sqrt(1 - beta2 ** this.t),
      stepSize: lr / (1 - beta1 ** this.t),
      keep: 1 - lr * weightDecay,
      coef,
    };
    flat.update(s, (p) => weightDecay > 0 && p.rank >= 2);
  }

  private checkCount(grads: readonly tf.Tensor[]): void {
    if (grads.length !== this.variables.length) {
      throw new PrefoptError(
        'input',
        `AdamW: got ${grads.length} gradients for ${this.variables.length} variables.`,
      );
    }
  }

  /** Copies of the moments, read with `await data()` (webgpu has no synchronous read in Node). */
  async getState(): Promise<AdamWState> {
    const names = this.variables.map((p) => p.name);
    const flat = this.flat;
    if (flat) {
      const copy = (b: Float32Array) => this.variables.map((_, i) => flat.view(b, i).slice());
      return { step: this.t, names, m: copy(flat.m), v: copy(flat.v) };
    }
    const read = (xs: tf.Variable[]) =>
      Promise.all(xs.map(async (x) => Float32Array.from((await x.data()) as Float32Array)));
    const step = this.t;
    const [m, v] = await Promise.all([read(this.m), read(this.v)]);
    return { step, names, m, v };
  }

  /** Restores moments saved by `getState` for the same variables (checked by count and size). */
  setState(state: AdamWState): void {
    const n = this.variables.length;
    if (state.m.length !== n || state.v.length !== n) {
      throw new PrefoptError(
        'checkpoint',
        `optimiser state holds ${state.m.length} variables, the model has ${n}: resume with the model the checkpoint was written for.`,
      );
    }
    this.variables.forEach((p, i) => {
      if (state.m[i].length !== p.size || state.v[i].length !== p.size) {
        throw new PrefoptError(
          'checkpoint',
          `optimiser state for variable ${i} (${state.names[i] ?? '?'}) has ${state.m[i].length} values, the model's ${p.name} has ${p.size}.`,
        );
      }
      if (this.flat) {
        this.flat.view(this.flat.m, i).set(state.m[i]);
        this.flat.view(this.flat.v, i).set(state.v[i]);
        return;
      }
      tf.tidy(() => {
        this.m[i].assign(tf.tensor(state.m[i], p.shape, 'float32'));
        this.v[i].assign(tf.tensor(state.v[i], p.shape, 'float32'));
      });
    });
    this.t = state.step;
  }

  dispose(): void {
    tf.dispose([...this.m, ...this.v]);
  }
}

/** The flat buffers, or null (plain path) where the host cannot allocate them in one piece. */
function flatOrNull(variables: readonly tf.Variable[]): FlatMoments | null {
  try {
    return new FlatMoments(variables);
  } catch (e) {
    if (e instanceof RangeError) return null; // past the largest typed array
    throw e;
  }
}

function check(ok: boolean, message: string): void {
  if (!ok) throw new PrefoptError('config', `AdamW: ${message}.`);
}
