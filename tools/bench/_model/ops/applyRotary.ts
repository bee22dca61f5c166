import * as tf from '@tensorflow/tfjs-core';

/**
 * Rotates each adjacent pair (x_{2i}, x_{2i+1}) of every head by θ_{t,i}:
 * out = x · cos + swap(x) · sin, where swap exchanges the two members of each pair and
 * `sin` carries the sign (−sin on even columns). Tables are the rows for x's positions.
 */
export function applyRotary(
  x: tf.Tensor4D, // [N, T, H, hd]
  cos: tf.Tensor2D, // [T, hd]
  sin: tf.Tensor2D, // [T, hd]
): tf.Tensor4D {
  return tf.tidy(() => {
    const [n, t, h, hd] = x.shape;
    const pairs = tf.reshape(x, [n, t, h, hd / 2, 2]); // [N, T, H, hd/2, 2]
    const swapped = tf.reshape(tf.reverse(pairs, -1), [n, t, h, hd]); // [N, T, H, hd]
    const c = tf.reshape(cos, [1, t, 1, hd]); // [1, T, 1, hd]
    const s = tf.reshape(sin, [1, t, 1, hd]); // [1, T, 1, hd]
    return tf.add(tf.mul(x, c), tf.mul(swapped, s)) as tf.Tensor4D; // [N, T, H, hd]
  });
}
