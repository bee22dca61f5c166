import { writeFileSync } from 'node:fs';
import { PrefoptError } from '@prefopt/core';
import type { ModelConfig } from '../config/ModelConfig';
import { llama2cLayout } from './llama2cLayout';
import { transposeMatrix } from './transposeMatrix';
import type { WeightArrays } from './WeightArrays';

/**
 * Writes a llama2.c legacy checkpoint that llama2.c's `run.c` reads: header, tensors in
 * export order ([out, in] matrices), and the RoPE tables llama2.c still expects in the file.
 */
export function writeLlama2cBin(file: string, config: ModelConfig, weights: WeightArrays): void {
  const extra = llama2cUnsupported(config);
  if (extra) {
    throw new PrefoptError(
      'checkpoint',
      `cannot write ${file}: llama2.c's format has no ${extra}; save to a folder (Hugging Face layout) instead.`,
    );
  }
  const { entries, totalBytes } = llama2cLayout(config);
  const bytes = new Uint8Array(totalBytes);
  const vocab = config.sharedClassifier ? config.vocab : -config.vocab;
  const header = [
    config.dim,
    config.hiddenDim,
    config.layers,
    config.heads,
    config.kvHeads,
    vocab,
    config.seqLen,
  ];
  new Int32Array(bytes.buffer, 0, 7).set(header);
  const hd = config.dim / config.heads;
  const [cosTable, sinTable] = ropeTables(hd, config.seqLen, config.ropeTheta);
  let table = 0;
  for (const entry of entries) {
    const count = entry.shape.reduce((a, b) => a * b, 1);
    const target = new Float32Array(bytes.buffer, entry.offset, count);
    if (entry.name === undefined) {
      target.set(table++ === 0 ? cosTable : sinTable);
      continue;
    }
    const values = weights.get(entry.name);
    if (!values || values.length !== count) {
      throw new PrefoptError(
        'checkpoint',
        `cannot write ${file}: weight ${entry.name} expected ${count} values, found ${values?.length ?? 'none'}.`,
      );
    }
    const [rows, cols] = entry.shape;
    // the model holds [in, out] = [cols, rows]; the embedding is [V, D] in both
    target.set(
      entry.shape.length === 2 && entry.name !== 'embedding'
        ? transposeMatrix(values, cols, rows)
        : values,
    );
  }
  writeFileSync(file, bytes);
}

/** llama2.c's freqs_cos / freqs_sin, [seqLen, hd/2] each, in float32 steps. */
function ropeTables(hd: number, seqLen: number, base: number): [Float32Array, Float32Array] {
  const f = Math.fround;
  const cos = new Float32Array(seqLen * (hd / 2));
  const sin = new Float32Array(seqLen * (hd / 2));
  for (let i = 0; i < hd / 2; i++) {
    const freq = f(1 / f(Math.pow(base, f(f(2 * i) / hd))));
    for (let t = 0; t < seqLen; t++) {
      cos[t * (hd / 2) + i] = Math.cos(f(t * freq));
      sin[t * (hd / 2) + i] = Math.sin(f(t * freq));
    }
  }
  return [cos, sin];
}

/** The first feature of `config` a llama2.c checkpoint cannot hold, or undefined. */
function llama2cUnsupported(config: ModelConfig): string | undefined {
  if (config.headDim !== config.dim / config.heads)
    return `head size ${config.headDim} ≠ dim/heads`;
  if (config.qkvBias || config.outBias || config.mlpBias) return 'biases';
  if (config.ropeScaling) return `${config.ropeScaling.type} RoPE scaling`;
  if (config.slidingWindow !== undefined) return 'sliding window';
  return undefined;
}
