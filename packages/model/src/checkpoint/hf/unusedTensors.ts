import { PrefoptError } from '@prefopt/core';
import type { SafetensorsTensor } from '../safetensors/SafetensorsTensor';

/** Buffers older checkpoints hold that transformers ignores on load as well. */
const IGNORED = /(^|\.)rotary_emb\.inv_freq$/;

/**
 * Throws a `checkpoint` error naming every tensor in the file(s) that `used` does not name:
 * a config that would silently drop weights (attention_bias, mlp_bias, tie_word_embeddings,
 * model_type) is refused instead. A tied model's `lm_head.weight` is allowed when it is a copy
 * of the embedding (some exporters write both).
 */
export function assertNoUnusedTensors(
  dir: string,
  tensors: Map<string, SafetensorsTensor>,
  used: ReadonlySet<string>,
  tied: boolean,
): void {
  const unused = [...tensors.keys()].filter((name) => !used.has(name) && !IGNORED.test(name));
  const head = tensors.get('lm_head.weight');
  const embedding = tensors.get('model.embed_tokens.weight');
  const headIsCopy = tied && head && embedding && sameValues(head.values, embedding.values);
  const bad = headIsCopy ? unused.filter((n) => n !== 'lm_head.weight') : unused;
  if (!bad.length) return;
  const hint = bad.some((n) => n.endsWith('.bias'))
    ? ' (biases: check attention_bias / mlp_bias / model_type)'
    : bad.includes('lm_head.weight')
      ? ' (lm_head.weight with a tied head: check tie_word_embeddings, which transformers defaults to false)'
      : '';
  const shown = bad.slice(0, 6).join(', ') + (bad.length > 6 ? `, … (${bad.length} in all)` : '');
  throw new PrefoptError(
    'checkpoint',
    `${dir}: tensors not used by the model config.json describes: ${shown}${hint}.`,
  );
}

function sameValues(a: Float32Array, b: Float32Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
