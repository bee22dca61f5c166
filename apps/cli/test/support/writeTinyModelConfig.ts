import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Writes `<dir>/tiny.json`: a model config for a fresh, tiny Llama whose vocabulary (259)
 * fits the byte-level tokenizer. Returns its path (what `--model` takes).
 */
export function writeTinyModelConfig(dir: string): string {
  const path = join(dir, 'tiny.json');
  const config = { dim: 8, hiddenDim: 16, layers: 1, heads: 2, kvHeads: 2, vocab: 259, seqLen: 48 };
  writeFileSync(path, JSON.stringify(config));
  return path;
}
