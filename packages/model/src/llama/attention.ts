import * as tf from '@tensorflow/tfjs-core';
import { batchMatMul } from '../ops/batchMatMul';
import { scaledMaskedSoftmax } from '../ops/scaledMaskedSoftmax';

/**
 * Causal grouped-query attention on already-rotated q and k. Each of the H query heads
 * reads key/value head ⌊h / (H / KV)⌋ (llama2.c's `repeat_kv`). Returns [N·Tq, H·hd].
 */
export function attention(
  q: tf.Tensor4D, // [N, Tq, H, hd]
  k: tf.Tensor4D, // [N, Tk, KV, hd]
  v: tf.Tensor4D, // [N, Tk, KV, hd]
  mask: tf.Tensor2D, // [Tq, Tk] additive
): tf.Tensor2D {
  return tf.tidy(() => {
    const [n, tq, h, hd] = q.shape;
    const kv = k.shape[2];
    const rep = h / kv;
    const qs = tf.reshape(tf.transpose(q, [0, 2, 1, 3]), [n * h, tq, hd]) as tf.Tensor3D; // [N·H, Tq, hd]
    const kT = tf.transpose(headsFirst(k, rep), [0, 2, 1]); // [N·H, hd, Tk]
    const vs = headsFirst(v, rep); // [N·H, Tk, hd]
    // softmax(QKᵀ/√hd + mask) as one op: one kernel each way on native backends, and only
    // the probabilities are kept for the gradient (docs/performance.md)
    const probs = scaledMaskedSoftmax(batchMatMul(qs, kT), mask, 1 / Math.sqrt(hd)); // [N·H, Tq, Tk]
    const out = batchMatMul(probs, vs); // [N·H, Tq, hd]
    const merged = tf.transpose(tf.reshape(out, [n, h, tq, hd]), [0, 2, 1, 3]); // [N, Tq, H, hd]
    return tf.reshape(merged, [n * tq, h * hd]); // [N·Tq, H·hd]
  });
}

/** [N, T, KV, hd] → [N·H, T, hd], each kv head repeated `rep` times in place. */
function headsFirst(x: tf.Tensor4D, rep: number): tf.Tensor3D {
  const [n, t, kv, hd] = x.shape;
  let y: tf.Tensor = tf.transpose(x, [0, 2, 1, 3]); // [N, KV, T, hd]
  // rank 3: tfjs has no Tile gradient above rank 4
  if (rep > 1) y = tf.tile(tf.reshape(y, [n * kv, 1, t * hd]), [1, rep, 1]); // [N·KV, rep, T·hd]
  return tf.reshape(y, [n * kv * rep, t, hd]); // [N·H, T, hd]
}
