import { PrefoptError } from '@prefopt/core';
import type { ModelConfig } from '../../config/ModelConfig';
import { resolveModelConfig } from '../../config/resolveModelConfig';
import type { HfLlamaConfig } from './HfLlamaConfig';

/** config.json → ModelConfig; unsupported variants are `checkpoint` errors naming the field. */
export function fromHfConfig(hf: HfLlamaConfig, file: string): ModelConfig {
  const fail = (what: string): never => {
    throw new PrefoptError('checkpoint', `${file}: ${what}`);
  };
  if (hf.model_type !== undefined && hf.model_type !== 'llama') {
    fail(`model_type '${hf.model_type}' is not supported; expected 'llama' (LlamaForCausalLM).`);
  }
  if (hf.hidden_act !== undefined && hf.hidden_act !== 'silu')
    fail(`hidden_act '${hf.hidden_act}' is not supported; expected 'silu'.`);
  if (hf.rope_scaling)
    fail(`rope_scaling ${JSON.stringify(hf.rope_scaling)} is not supported; expected null.`);
  if (hf.head_dim !== undefined && hf.head_dim !== hf.hidden_size / hf.num_attention_heads) {
    fail(`head_dim ${hf.head_dim} differs from hidden_size / num_attention_heads; not supported.`);
  }
  try {
    return resolveModelConfig({
      dim: hf.hidden_size,
      hiddenDim: hf.intermediate_size,
      layers: hf.num_hidden_layers,
      heads: hf.num_attention_heads,
      kvHeads: hf.num_key_value_heads ?? hf.num_attention_heads,
      vocab: hf.vocab_size,
      seqLen: hf.max_position_embeddings,
      normEps: hf.rms_norm_eps ?? 1e-6,
      ropeTheta: hf.rope_theta ?? 10000,
      sharedClassifier: hf.tie_word_embeddings ?? true,
    });
  } catch (e) {
    return fail((e as Error).message);
  }
}
