import * as tf from '@tensorflow/tfjs-core';
import { leverEnabled, type PreferenceBatch } from '@prefopt/core';
import { layerStack, type StackParts } from './layerStack';
import { sharedPrefixLength } from './sharedPrefix';
import { targetLogps } from './targetLogps';

/** The output head: final-normed hidden states [M, D] → logits [M, V]. */
export type Head = (hidden: tf.Tensor2D) => tf.Tensor2D;

/**
 * log p(x_j | x_<j) at the target positions j = from … to (1 ≤ from ≤ to ≤ T−1) of a pair
 * batch's 2B rows: [2B, to − from + 1]. Only positions 0 … to−1 run through the blocks, and
 * the head sees only the hidden states at from−1 … to−1 (no logits for other positions).
 *
 * Prompt-prefix sharing (lever `prefix-sharing`): where every pair's chosen and rejected
 * rows agree on their first P tokens (`sharedPrefixLength`), the first S = min(P − 1, to − 1)
 * positions run once per pair (B rows), keeping each layer's keys/values; the 2B rows then
 * run positions S … to−1 only, attending to the prompt's keys/values (repeated for chosen
 * and rejected) and their own causal part, with rotary positions and mask offset by S. The
 * gradient of both rows reaches the prompt's keys/values and flows through its forward once.
 * Targets at positions ≤ S (prompt tokens, shared) come from the prompt rows' hidden states.
 * Without a shared prefix it is the plain forward.
 */
export function pairTargetLogps(
  parts: StackParts,
  head: Head,
  batch: PreferenceBatch,
  from: number,
  to: number,
): tf.Tensor2D {
  const shared = leverEnabled('prefix-sharing')
    ? Math.min(sharedPrefixLength(batch) - 1, to - 1)
    : 0;
  return tf.tidy(() =>
    shared >= 1
      ? sharedForward(parts, head, batch, from, to, shared)
      : plainForward(parts, head, batch, from, to),
  );
}

function plainForward(
  parts: StackParts,
  head: Head,
  batch: PreferenceBatch,
  from: number,
  to: number,
): tf.Tensor2D {
  const n = 2 * batch.size;
  const hidden = layerStack(parts, idsOf(batch, 0, n, 0, to), 0)!; // [2B·to, D]
  return logpsAt(parts, head, batch, hidden, { rows: [0, n], len: to, first: from, to }); // [2B, to−from+1]
}

function sharedForward(
  parts: StackParts,
  head: Head,
  batch: PreferenceBatch,
  from: number,
  to: number,
  shared: number,
): tf.Tensor2D {
  const b = batch.size;
  const keys: tf.Tensor4D[] = [];
  const values: tf.Tensor4D[] = [];
  const needPrompt = from <= shared; // some targets lie inside the shared prefix
  const prompt = layerStack(parts, idsOf(batch, 0, b, 0, shared), 0, {
    keep: (l, k, v) => ((keys[l] = k), (values[l] = v)), // [B, S, KV, hd] each
    kvOnly: !needPrompt,
  }); // [B·S, D] or null
  const both = (x: tf.Tensor4D) => tf.concat([x, x], 0); // [2B, S, KV, hd]: chosen, rejected
  const rest = layerStack(parts, idsOf(batch, 0, 2 * b, shared, to - shared), shared, {
    extend: (l, k, v) => [
      tf.concat([both(keys[l]), k], 1), // [2B, to, KV, hd]
      tf.concat([both(values[l]), v], 1), // [2B, to, KV, hd]
    ],
  })!; // [2B·(to−S), D] at positions S … to−1
  const lo = Math.max(from, shared + 1);
  const tail = logpsAt(parts, head, batch, rest, {
    rows: [0, 2 * b],
    offset: shared,
    len: to - shared,
    first: lo,
    to,
  }); // [2B, to−lo+1]
  if (!needPrompt) return tail;
  const front = logpsAt(parts, head, batch, prompt!, {
    rows: [0, b],
    len: shared,
    first: from,
    to: shared,
  }); // [B, S−from+1]
  return tf.concat([tf.concat([front, front], 0), tail], 1) as tf.Tensor2D; // [2B, to−from+1]
}

/**
 * Log-probs of targets first … to from hidden states [n·len, D] of positions offset …
 * offset+len−1 of rows [r0, r0+n): the head runs on positions first−1 … to−1 only.
 */
function logpsAt(
  parts: StackParts,
  head: Head,
  batch: PreferenceBatch,
  hidden: tf.Tensor2D,
  at: { rows: [number, number]; offset?: number; len: number; first: number; to: number },
): tf.Tensor2D {
  const [r0, n] = at.rows;
  const d = parts.config.dim;
  const count = at.to - at.first + 1;
  const start = at.first - 1 - (at.offset ?? 0);
  const h =
    count === at.len
      ? hidden
      : tf.reshape(tf.slice(tf.reshape(hidden, [n, at.len, d]), [0, start, 0], [n, count, d]), [
          n * count,
          d,
        ]); // [n·count, D]
  const targets = tf.reshape(idsOf(batch, r0, n, at.first, count), [n * count]); // [n·count]
  return tf.reshape(targetLogps(head(h as tf.Tensor2D), targets as tf.Tensor1D), [n, count]);
}

/** Token ids of rows [r0, r0+n) at positions [c0, c0+len): [n, len] int32, cut on the host. */
function idsOf(batch: PreferenceBatch, r0: number, n: number, c0: number, len: number) {
  const t = batch.seqLen;
  const out = new Int32Array(n * len);
  for (let r = 0; r < n; r++) {
    const src = (r0 + r) * t + c0;
    for (let j = 0; j < len; j++) out[r * len + j] = batch.inputIds[src + j];
  }
  return tf.tensor2d(out, [n, len], 'int32'); // [n, len]
}
