import * as tf from '@tensorflow/tfjs-core';
import type { Tokenizer } from '@prefopt/core';
import { addsBos } from '@prefopt/data';
import { KvCache, type LlamaModel } from '@prefopt/model';

export interface Continuation {
  text: string;
  /** Generated tokens, EOS included when the model stopped. */
  tokens: number;
}

/**
 * Greedy continuations of many prompts, batched: prompts of equal token length decode
 * together with one KV cache (no padding, so no attention mask is needed). Stops a row at
 * EOS or after `maxNewTokens`, or when the context reaches the model's `maxSeqLen`.
 */
export function greedyContinuations(
  model: LlamaModel,
  tokenizer: Tokenizer,
  prompts: readonly string[],
  maxNewTokens: number,
  batchSize = 64,
): Continuation[] {
  const encoded = prompts.map((p) => tokenizer.encode(p, { bos: addsBos(tokenizer) })); // as training
  const groups = new Map<number, number[]>();
  encoded.forEach((ids, i) => groups.set(ids.length, [...(groups.get(ids.length) ?? []), i]));
  const out: Continuation[] = new Array(prompts.length);
  for (const [length, members] of groups) {
    const budget = Math.max(0, Math.min(maxNewTokens, model.maxSeqLen - length + 1)); // the last token is never fed back
    for (let start = 0; start < members.length; start += batchSize) {
      const rows = members.slice(start, start + batchSize);
      const generated = decodeGroup(
        model,
        rows.map((i) => encoded[i]),
        budget,
        tokenizer.eosId,
      );
      rows.forEach((i, k) => {
        const ids = generated[k];
        const stopped = ids.length > 0 && ids[ids.length - 1] === tokenizer.eosId;
        out[i] = { text: tokenizer.decode(stopped ? ids.slice(0, -1) : ids), tokens: ids.length };
      });
    }
  }
  return out;
}

function decodeGroup(
  model: LlamaModel,
  prompts: number[][],
  budget: number,
  eos: number | undefined,
): number[][] {
  const n = prompts.length;
  const generated: number[][] = prompts.map(() => []);
  const done = new Array<boolean>(n).fill(false);
  const cache = new KvCache(model.config.layers);
  let input = tf.tensor2d(prompts, [n, prompts[0].length], 'int32'); // [N, Tp]
  try {
    for (let s = 0; s < budget && !done.every(Boolean); s++) {
      const next = tf.tidy(() => tf.cast(tf.argMax(model.decode(input, cache), -1), 'int32')); // [N]
      const ids = next.dataSync();
      input.dispose();
      input = tf.reshape(next, [n, 1]); // [N, 1]
      next.dispose();
      ids.forEach((id, k) => {
        if (done[k]) return;
        generated[k].push(id);
        if (id === eos) done[k] = true;
      });
    }
  } finally {
    input.dispose();
    cache.dispose();
  }
  return generated;
}
