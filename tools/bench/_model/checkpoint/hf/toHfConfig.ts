import type { ModelConfig } from '../../config/ModelConfig';
import type { HfLlamaConfig } from './HfLlamaConfig';

/** ModelConfig → config.json for transformers' LlamaForCausalLM (float32 weights). */
export function toHfConfig(
  config: ModelConfig,
  extra: { bosId?: number; eosId?: number } = {},
): HfLlamaConfig {
  return {
    architectures: ['LlamaForCausalLM'],
    model_type: 'llama',
    hidden_size: config.dim,
    intermediate_size: config.hiddenDim,
    num_hidden_layers: config.layers,
    num_attention_heads: config.heads,
    num_key_value_heads: config.kvHeads,
    vocab_size: config.vocab,
    max_position_embeddings: config.seqLen,
    rms_norm_eps: config.normEps,
    rope_theta: config.ropeTheta,
    tie_word_embeddings: config.sharedClassifier,
    hidden_act: 'silu',
    attention_bias: false,
    mlp_bias: false,
    rope_scaling: null,
    torch_dtype: 'float32',
    bos_token_id: extra.bosId ?? 1,
    eos_token_id: extra.eosId ?? 2,
  };
}
