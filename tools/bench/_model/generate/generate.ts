import * as tf from '@tensorflow/tfjs-core';
import { PrefoptError } from '@prefopt/core';
import { KvCache } from '../llama/KvCache';
import type { LlamaModel } from '../llama/LlamaModel';
import { sampleToken } from './sampleToken';
import { XorshiftRng } from './XorshiftRng';

export interface GenerateOptions {
  maxNewTokens: number;
  /** 0 (default) = greedy. */
  temperature?: number;
  /** Nucleus mass in (0, 1); 1 (default) = off. */
  topP?: number;
  /** Positive integer; the same seed gives the same text (default 42). */
  seed?: number;
  /** Generation stops after emitting this id (included in the result). */
  eosId?: number;
  /** Called with each new id as it is chosen (for streaming output). */
  onToken?: (id: number) => void;
}

/**
 * Continues `promptIds` one token at a time with a KV cache: the prompt is run once, then
 * each step feeds only the newest token. Stops on `eosId`, after `maxNewTokens`, or at
 * the model's seqLen. Resolves to the new ids. Leaves no tensors behind.
 */
export async function generate(
  model: LlamaModel,
  promptIds: readonly number[],
  options: GenerateOptions,
): Promise<number[]> {
  const { maxNewTokens, temperature = 0, topP = 1, seed = 42 } = options;
  if (!Number.isInteger(maxNewTokens) || maxNewTokens < 0) {
    throw new PrefoptError(
      'config',
      `maxNewTokens must be a non-negative integer, got ${maxNewTokens}.`,
    );
  }
  if (!(temperature >= 0))
    throw new PrefoptError('config', `temperature must be >= 0, got ${temperature}.`);
  if (!(topP > 0 && topP <= 1))
    throw new PrefoptError('config', `topP must be in (0, 1], got ${topP}.`);
  if (promptIds.length === 0)
    throw new PrefoptError('input', 'the prompt has no tokens; encode it with BOS.');
  if (promptIds.length >= model.maxSeqLen) {
    throw new PrefoptError(
      'input',
      `the prompt has ${promptIds.length} tokens; the model's seqLen is ${model.maxSeqLen}.`,
    );
  }
  const rng = new XorshiftRng(seed);
  const cache = new KvCache(model.config.layers);
  const out: number[] = [];
  try {
    let step = [...promptIds];
    while (out.length < maxNewTokens && cache.length + step.length <= model.maxSeqLen) {
      const ids = tf.tensor2d([step], [1, step.length], 'int32'); // [1, Tnew]
      const logits = model.decode(ids, cache); // [1, V]
      tf.dispose(ids);
      const row = (await logits.data()) as Float32Array; // await: webgpu has no dataSync in Node
      logits.dispose();
      const next = sampleToken(row, { temperature, topP }, rng);
      out.push(next);
      options.onToken?.(next);
      if (next === options.eosId) break;
      step = [next];
    }
  } finally {
    cache.dispose();
  }
  return out;
}
