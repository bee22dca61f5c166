import type { HfLlamaConfig } from './HfLlamaConfig';

/** What one HF `model_type` of the Llama family computes differently from the others. */
export interface HfFamily {
  architecture: string; // the *ForCausalLM class transformers builds
  /** q/k/v, o and MLP biases this config gives the projections. */
  biases(hf: HfLlamaConfig): { qkvBias: boolean; outBias: boolean; mlpBias: boolean };
  /** The sliding window every layer uses, undefined for full attention; `fail` when mixed. */
  slidingWindow(hf: HfLlamaConfig, fail: (what: string) => never): number | undefined;
}

/** A window at least as long as the context masks nothing. */
const effective = (w: number | null | undefined, hf: HfLlamaConfig) =>
  w != null && w < hf.max_position_embeddings ? w : undefined;

const llama: HfFamily = {
  architecture: 'LlamaForCausalLM',
  biases: (hf) => ({
    qkvBias: hf.attention_bias === true,
    outBias: hf.attention_bias === true,
    mlpBias: hf.mlp_bias === true,
  }),
  slidingWindow: () => undefined, // LlamaAttention has no sliding window
};

const mistral: HfFamily = {
  architecture: 'MistralForCausalLM',
  biases: () => ({ qkvBias: false, outBias: false, mlpBias: false }),
  // MistralConfig's default window is 4096 when the key is absent; `null` turns it off
  slidingWindow: (hf) => effective('sliding_window' in hf ? hf.sliding_window : 4096, hf),
};

const qwen2: HfFamily = {
  architecture: 'Qwen2ForCausalLM',
  biases: () => ({ qkvBias: true, outBias: false, mlpBias: false }), // Qwen2Attention: q/k/v bias=True
  slidingWindow(hf, fail) {
    if (hf.use_sliding_window !== true) return undefined;
    const window = effective('sliding_window' in hf ? hf.sliding_window : 4096, hf);
    if (window === undefined) return undefined;
    const firstSliding = hf.max_window_layers ?? 28;
    const types =
      hf.layer_types ??
      Array.from({ length: hf.num_hidden_layers }, (_, i) =>
        i >= firstSliding ? 'sliding_attention' : 'full_attention',
      );
    const sliding = types.filter((t) => t === 'sliding_attention').length;
    if (sliding === 0) return undefined;
    if (sliding === types.length) return window;
    return fail(
      `use_sliding_window with sliding attention on only some layers (layer_types / max_window_layers) is not supported; prefopt uses one attention form for all layers.`,
    );
  },
};

/** The model types prefopt reads, by config.json `model_type`. */
export const HF_FAMILIES: Readonly<Record<string, HfFamily>> = { llama, mistral, qwen2 };
