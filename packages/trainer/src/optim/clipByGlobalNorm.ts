import * as tf from '@tensorflow/tfjs-core';

/**
 * Global-norm clipping as torch.nn.utils.clip_grad_norm_: norm = √Σ‖g‖², and every gradient
 * is scaled by min(1, maxNorm / (norm + 1e-6)). Returns new tensors (the caller disposes
 * both the inputs and the outputs) and the norm before clipping, which is what
 * `grad_norm` logs. `maxNorm` ≤ 0 or Infinity: no clipping.
 */
export async function clipByGlobalNorm(
  grads: readonly tf.Tensor[],
  maxNorm: number,
): Promise<{ clipped: tf.Tensor[]; norm: number }> {
  const normT = tf.tidy(() => tf.sqrt(tf.addN(grads.map((g) => tf.sum(tf.square(g)))))); // []
  let norm: number;
  try {
    norm = (await normT.data())[0]; // await: webgpu has no synchronous read in Node
  } finally {
    normT.dispose();
  }
  const coef = clipCoefficient(norm, maxNorm);
  const clipped = grads.map((g) => (coef === 1 ? tf.clone(g) : tf.mul(g, coef)));
  return { clipped, norm };
}

/** torch's clip_grad_norm_: min(1, maxNorm / (norm + 1e-6)); maxNorm ≤ 0 or ∞: 1. */
export function clipCoefficient(norm: number, maxNorm: number): number {
  return maxNorm > 0 && Number.isFinite(maxNorm) ? Math.min(1, maxNorm / (norm + 1e-6)) : 1;
}
