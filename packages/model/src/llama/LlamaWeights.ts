import type { Variable } from '@tensorflow/tfjs-core';

/** One transformer block's parameters, stored input-major so the forward is x · W. */
export interface LayerWeights {
  attnNorm: Variable; // [D]
  wq: Variable; // [D, H·hd]
  wk: Variable; // [D, KV·hd]
  wv: Variable; // [D, KV·hd]
  wo: Variable; // [H·hd, D]
  ffnNorm: Variable; // [D]
  w1: Variable; // [D, F] gate
  w2: Variable; // [F, D] down
  w3: Variable; // [D, F] up
  bq?: Variable; // [H·hd] (config.qkvBias; interleaved rotary order like wq's columns)
  bk?: Variable; // [KV·hd] (config.qkvBias)
  bv?: Variable; // [KV·hd] (config.qkvBias)
  bo?: Variable; // [D] (config.outBias)
  b1?: Variable; // [F] (config.mlpBias)
  b2?: Variable; // [D] (config.mlpBias)
  b3?: Variable; // [F] (config.mlpBias)
}

/** Every parameter of a Llama model. q/k columns are in the interleaved-pair rotary layout. */
export interface LlamaWeights {
  embedding: Variable; // [V, D]
  layers: LayerWeights[];
  finalNorm: Variable; // [D]
  classifier: Variable | undefined; // [D, V]; undefined when tied to the embedding
}
