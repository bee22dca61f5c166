/** The fields of a HF Llama-family config.json (llama, qwen2, mistral) that prefopt reads and writes. */
export interface HfLlamaConfig {
  architectures?: string[];
  model_type?: string;
  hidden_size: number;
  intermediate_size: number;
  num_hidden_layers: number;
  num_attention_heads: number;
  num_key_value_heads?: number | null;
  vocab_size: number;
  max_position_embeddings: number;
  rms_norm_eps?: number;
  rope_theta?: number; // transformers < 5
  rope_scaling?: Record<string, unknown> | null; // transformers < 5
  rope_parameters?: Record<string, unknown> | null; // transformers ≥ 5: {rope_theta, rope_type, …}
  partial_rotary_factor?: number;
  tie_word_embeddings?: boolean;
  hidden_act?: string;
  head_dim?: number | null;
  attention_bias?: boolean; // llama: q/k/v/o biases
  mlp_bias?: boolean; // llama: gate/up/down biases
  sliding_window?: number | null; // mistral (always); qwen2 with use_sliding_window
  use_sliding_window?: boolean; // qwen2
  max_window_layers?: number; // qwen2
  layer_types?: string[] | null; // qwen2: full_attention | sliding_attention per layer
  bos_token_id?: number | null;
  eos_token_id?: number | number[] | null;
  pad_token_id?: number | null;
  [key: string]: unknown;
}
