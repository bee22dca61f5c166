import * as tf from '@tensorflow/tfjs-core';

/** The first named array holding NaN or ±Infinity: its name and the index of the bad value. */
export function firstNonFinite(
  arrays: Iterable<readonly [string, Float32Array]>,
): { name: string; index: number; value: number } | undefined {
  for (const [name, values] of arrays) {
    for (let i = 0; i < values.length; i++) {
      if (!Number.isFinite(values[i])) return { name, index: i, value: values[i] };
    }
  }
  return undefined;
}

/**
 * The name of the first variable holding NaN or ±Infinity, or undefined. One read-back for
 * all variables: Σ(v·0) is 0 for a finite v and NaN otherwise (mul, sum and stack run on
 * every backend). Leaves the tensor count unchanged.
 */
export async function firstNonFiniteVariable(
  variables: readonly (readonly [string, tf.Tensor])[],
): Promise<string | undefined> {
  if (!variables.length) return undefined;
  const flags = tf.tidy(() => tf.stack(variables.map(([, v]) => tf.sum(tf.mul(v, 0))))); // [n]
  try {
    const values = await flags.data();
    const i = values.findIndex((x) => !Number.isFinite(x));
    return i < 0 ? undefined : variables[i][0];
  } finally {
    flags.dispose();
  }
}
