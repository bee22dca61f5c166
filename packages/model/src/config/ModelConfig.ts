/** RoPE frequency scaling as transformers' `rope_type` linear / llama3 (Llama-3.1/3.2). */
export type RopeScaling =
  | { type: 'linear'; factor: number }
  | {
      type: 'llama3';
      factor: number;
      lowFreqFactor: number;
      highFreqFactor: number;
      originalMaxPositions: number; // original_max_position_embeddings
    };

/** What a model read from a Hugging Face folder keeps of it, so checkpoints write it back. */
export interface HfSource {
  config: Record<string, unknown>; // config.json as read
  generationConfig?: Record<string, unknown>; // generation_config.json, when the folder had one
}

/**
 * The one config record of a Llama-family model, with llama2.c's names
 * (`dim`, `hiddenDim`, `layers`, `heads`, `kvHeads`, `vocab`, `seqLen`).
 */
export interface ModelConfig {
  dim: number; // D, residual width
  hiddenDim: number; // F, SwiGLU inner width
  layers: number; // L, transformer blocks
  heads: number; // H, query heads
  kvHeads: number; // KV, key/value heads (GQA when < H; must divide H)
  vocab: number; // V
  seqLen: number; // longest sequence (rotary table size)
  normEps: number; // RMSNorm ε (llama2.c: 1e-5)
  ropeTheta: number; // rotary base (llama2.c: 10000)
  sharedClassifier: boolean; // output head = token embedding transposed (tied)
  headDim: number; // hd, size of one head (default D / H; HF `head_dim`)
  qkvBias: boolean; // q/k/v projections have biases (HF attention_bias; always in qwen2)
  outBias: boolean; // o projection has a bias (HF attention_bias in llama)
  mlpBias: boolean; // gate/up/down projections have biases (HF mlp_bias)
  ropeScaling?: RopeScaling; // undefined: plain RoPE
  slidingWindow?: number; // each query sees only the last `slidingWindow` keys (mistral)
  hf?: HfSource; // the Hugging Face config this model was read from
}

type Defaulted =
  'normEps' | 'ropeTheta' | 'sharedClassifier' | 'headDim' | 'qkvBias' | 'outBias' | 'mlpBias';

/** A config as callers write it: the defaulted fields (llama2.c's values) may be omitted. */
export type ModelConfigInput = Omit<ModelConfig, Defaulted> & Partial<Pick<ModelConfig, Defaulted>>;
