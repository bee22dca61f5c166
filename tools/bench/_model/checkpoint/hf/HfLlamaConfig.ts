/** The fields of a HF `LlamaConfig` (config.json) that prefopt reads and writes. */
export interface HfLlamaConfig {
  architectures?: string[];
  model_type?: string;
  hidden_size: number;
  intermediate_size: number;
  num_hidden_layers: number;
  num_attention_heads: number;
  num_key_value_heads?: number;
  vocab_size: number;
  max_position_embeddings: number;
  rms_norm_eps?: number;
  rope_theta?: number;
  tie_word_embeddings?: boolean;
  hidden_act?: string;
  head_dim?: number;
  rope_scaling?: unknown;
  [key: string]: unknown;
}
