import { readFileSync } from 'node:fs';
import { PrefoptError } from '@prefopt/core';
import type { ModelConfig } from '../config/ModelConfig';
import { resolveModelConfig } from '../config/resolveModelConfig';
import { transposeMatrix } from './transposeMatrix';
import type { WeightArrays } from './WeightArrays';
import { LLAMA2C_HEADER_BYTES, llama2cLayout } from './llama2cLayout';

/** llama2.c's versioned export formats start with this magic ("ak42"); prefopt reads the legacy one. */
const VERSIONED_MAGIC = 0x616b3432;

/**
 * Reads a llama2.c legacy checkpoint: 7 int32 (dim, hidden_dim, n_layers, n_heads,
 * n_kv_heads, vocab_size, max_seq_len; negative vocab = untied classifier), then float32
 * tensors in export order, the RoPE tables (skipped), and the classifier when untied.
 */
export function readLlama2cBin(file: string): { config: ModelConfig; weights: WeightArrays } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    throw new PrefoptError(
      'checkpoint',
      `cannot read llama2.c checkpoint ${file}: ${(e as Error).message}`,
      { cause: e },
    );
  }
  if (bytes.length < LLAMA2C_HEADER_BYTES) {
    throw new PrefoptError(
      'checkpoint',
      `${file}: expected a llama2.c header of ${LLAMA2C_HEADER_BYTES} bytes, found a file of ${bytes.length} bytes.`,
    );
  }
  const header = new Int32Array(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + LLAMA2C_HEADER_BYTES),
  );
  if (header[0] === VERSIONED_MAGIC) {
    throw new PrefoptError(
      'checkpoint',
      `${file}: llama2.c export version ${header[1]} is not supported; export it with llama2.c's \`export.py --version 0\` (legacy format).`,
    );
  }
  const [dim, hiddenDim, layers, heads, kvHeads, signedVocab, seqLen] = header;
  let config: ModelConfig;
  try {
    config = resolveModelConfig({
      dim,
      hiddenDim,
      layers,
      heads,
      kvHeads,
      vocab: Math.abs(signedVocab),
      seqLen,
      sharedClassifier: signedVocab > 0,
    });
  } catch (e) {
    throw new PrefoptError(
      'checkpoint',
      `${file}: header [${Array.from(header).join(', ')}] is not a valid llama2.c model: ${(e as Error).message}`,
      { cause: e },
    );
  }
  const layout = llama2cLayout(config);
  if (bytes.length !== layout.totalBytes) {
    throw new PrefoptError(
      'checkpoint',
      `${file}: expected ${layout.totalBytes} bytes for a llama2.c model with header [${Array.from(header).join(', ')}], found ${bytes.length} bytes` +
        (bytes.length < layout.totalBytes
          ? ' (truncated: copy or download it again).'
          : ' (trailing data: not a legacy llama2.c file?).'),
    );
  }
  const weights: WeightArrays = new Map();
  for (const entry of layout.entries) {
    if (entry.name === undefined) continue; // RoPE tables: recomputed by the model
    const count = entry.shape.reduce((a, b) => a * b, 1);
    const values = new Float32Array(
      bytes.buffer.slice(
        bytes.byteOffset + entry.offset,
        bytes.byteOffset + entry.offset + 4 * count,
      ),
    );
    const isMatrix = entry.shape.length === 2 && entry.name !== 'embedding'; // embedding is [V, D] in both
    weights.set(
      entry.name,
      isMatrix ? transposeMatrix(values, entry.shape[0], entry.shape[1]) : values,
    );
  }
  return { config, weights };
}
