import type { ModelConfig } from '../config/ModelConfig';

export const LLAMA2C_HEADER_BYTES = 28;

/** One tensor of a llama2.c legacy file: byte offset, stored shape ([out, in] for matrices). */
export interface Llama2cEntry {
  name: string | undefined; // prefopt weight name; undefined for the RoPE tables
  offset: number;
  shape: number[];
}

/**
 * Where each tensor sits in a legacy llama2.c file (export.py's `legacy_export` order):
 * embedding, then per kind all layers (attention_norm, wq, wk, wv, wo, ffn_norm, w1, w2, w3),
 * final norm, the RoPE cos/sin tables (seq_len · hd/2 each), then the untied classifier.
 */
export function llama2cLayout(config: ModelConfig): {
  entries: Llama2cEntry[];
  totalBytes: number;
} {
  const { dim, hiddenDim, heads, kvHeads, vocab, seqLen } = config;
  const hd = dim / heads;
  const entries: Llama2cEntry[] = [];
  let offset = LLAMA2C_HEADER_BYTES;
  const add = (name: string | undefined, shape: number[]) => {
    entries.push({ name, offset, shape });
    offset += 4 * shape.reduce((a, b) => a * b, 1);
  };
  add('embedding', [vocab, dim]);
  const perLayer: [string, number[]][] = [
    ['attnNorm', [dim]],
    ['wq', [heads * hd, dim]],
    ['wk', [kvHeads * hd, dim]],
    ['wv', [kvHeads * hd, dim]],
    ['wo', [dim, heads * hd]],
    ['ffnNorm', [dim]],
    ['w1', [hiddenDim, dim]],
    ['w2', [dim, hiddenDim]],
    ['w3', [hiddenDim, dim]],
  ];
  for (const [kind, shape] of perLayer) {
    for (let i = 0; i < config.layers; i++) add(`layers.${i}.${kind}`, shape);
  }
  add('finalNorm', [dim]);
  add(undefined, [seqLen, hd / 2]);
  add(undefined, [seqLen, hd / 2]);
  if (!config.sharedClassifier) add('classifier', [vocab, dim]);
  return { entries, totalBytes: offset };
}
