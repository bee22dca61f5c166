/**
 * The one config record of a Llama-family model, with llama2.c's names
 * (`dim`, `hiddenDim`, `layers`, `heads`, `kvHeads`, `vocab`, `seqLen`).
 */
export interface ModelConfig {
  dim: number; // D, residual width
  hiddenDim: number; // F, SwiGLU inner width
  layers: number; // L, transformer blocks
  heads: number; // H, query heads; head size D / H
  kvHeads: number; // KV, key/value heads (GQA when < H; must divide H)
  vocab: number; // V
  seqLen: number; // longest sequence (rotary table size)
  normEps: number; // RMSNorm ε (llama2.c: 1e-5)
  ropeTheta: number; // rotary base (llama2.c: 10000)
  sharedClassifier: boolean; // output head = token embedding transposed (tied)
}

/** A config as callers write it: `normEps`, `ropeTheta`, `sharedClassifier` may be omitted. */
export type ModelConfigInput = Omit<ModelConfig, 'normEps' | 'ropeTheta' | 'sharedClassifier'> &
  Partial<Pick<ModelConfig, 'normEps' | 'ropeTheta' | 'sharedClassifier'>>;
