import { PrefoptError } from '@prefopt/core';
import type { ModelConfig } from '../../config/ModelConfig';
import { HF_FAMILIES } from './hfFamilies';
import type { HfLlamaConfig } from './HfLlamaConfig';

/** Special-token ids for a config.json that has none of its own (e.g. from the tokenizer). */
export interface SpecialTokenIds {
  bosId?: number;
  eosId?: number;
  padId?: number;
}

/**
 * ModelConfig → config.json for transformers (float32 weights). A model read from a HF folder
 * writes back the config.json it was read with (model_type, RoPE form, special-token ids and
 * every other field), with only the shape fields restated; otherwise a LlamaConfig.
 */
export function toHfConfig(config: ModelConfig, tokens: SpecialTokenIds = {}): HfLlamaConfig {
  const source = config.hf?.config ?? {};
  const modelType = typeof source.model_type === 'string' ? source.model_type : 'llama';
  const shape = {
    hidden_size: config.dim,
    intermediate_size: config.hiddenDim,
    num_hidden_layers: config.layers,
    num_attention_heads: config.heads,
    num_key_value_heads: config.kvHeads,
    vocab_size: config.vocab,
    max_position_embeddings: config.seqLen,
    rms_norm_eps: config.normEps,
    tie_word_embeddings: config.sharedClassifier,
    head_dim: config.headDim,
  };
  const dtypeKey = 'torch_dtype' in source && !('dtype' in source) ? 'torch_dtype' : 'dtype';
  if (config.hf) {
    return {
      ...source,
      ...shape,
      [dtypeKey]: 'float32',
      ...specialTokens(source, tokens),
    } as HfLlamaConfig;
  }
  if (config.qkvBias !== config.outBias || config.slidingWindow !== undefined) {
    throw new PrefoptError(
      'checkpoint',
      'cannot write a LlamaConfig for a model with q/k/v biases but no o bias, or a sliding window; only models read from a qwen2/mistral folder keep those.',
    );
  }
  return {
    architectures: [HF_FAMILIES[modelType].architecture],
    model_type: modelType,
    ...shape,
    hidden_act: 'silu',
    attention_bias: config.qkvBias,
    mlp_bias: config.mlpBias,
    rope_theta: config.ropeTheta, // transformers < 5 form, which ≥ 5 reads as well
    rope_scaling: ropeScalingJson(config),
    dtype: 'float32',
    ...specialTokens({}, tokens),
  };
}

/** bos/eos/pad: the source config's own, else the tokenizer's, else llama2.c's 1 / 2. */
export function specialTokens(
  source: Record<string, unknown>,
  tokens: SpecialTokenIds,
): Pick<HfLlamaConfig, 'bos_token_id' | 'eos_token_id' | 'pad_token_id'> {
  return {
    bos_token_id: (source.bos_token_id as number | null | undefined) ?? tokens.bosId ?? 1,
    eos_token_id:
      (source.eos_token_id as number | number[] | null | undefined) ?? tokens.eosId ?? 2,
    ...((source.pad_token_id ?? tokens.padId) != null
      ? { pad_token_id: (source.pad_token_id as number | undefined) ?? tokens.padId }
      : {}),
  };
}

function ropeScalingJson(config: ModelConfig): Record<string, unknown> | null {
  const s = config.ropeScaling;
  if (!s) return null;
  if (s.type === 'linear') return { rope_type: 'linear', factor: s.factor };
  return {
    rope_type: 'llama3',
    factor: s.factor,
    low_freq_factor: s.lowFreqFactor,
    high_freq_factor: s.highFreqFactor,
    original_max_position_embeddings: s.originalMaxPositions,
  };
}
