import { PrefoptError } from '@prefopt/core';
import type { HfSource, ModelConfig } from '../../config/ModelConfig';
import { resolveModelConfig } from '../../config/resolveModelConfig';
import { HF_FAMILIES } from './hfFamilies';
import type { HfLlamaConfig } from './HfLlamaConfig';
import { readHfRope } from './readHfRope';

/**
 * config.json → ModelConfig. Every field that changes the computation is implemented or
 * refused with a `checkpoint` error naming it; defaults are transformers' for the model_type
 * (untied head, rms_norm_eps 1e-6, silu, head_dim = hidden_size / num_attention_heads).
 */
export function fromHfConfig(
  hf: HfLlamaConfig,
  file: string,
  generationConfig?: Record<string, unknown>,
): ModelConfig {
  const fail = (what: string): never => {
    throw new PrefoptError('checkpoint', `${file}: ${what}`);
  };
  const modelType = hf.model_type ?? 'llama';
  const family = HF_FAMILIES[modelType];
  if (!family) {
    fail(
      `model_type '${modelType}' is not supported; expected ${Object.keys(HF_FAMILIES).join(', ')}.`,
    );
  }
  if ((hf.hidden_act ?? 'silu') !== 'silu')
    fail(`hidden_act '${hf.hidden_act}' is not supported; expected 'silu'.`);
  if (typeof hf.attention_dropout === 'number' && hf.attention_dropout !== 0)
    fail(
      `attention_dropout ${hf.attention_dropout} is not supported; prefopt has no dropout (use 0.0).`,
    );
  if (hf.quantization_config != null)
    fail(
      'quantization_config is set: quantised weights are not supported; use a float checkpoint.',
    );
  const { ropeTheta, ropeScaling } = readHfRope(hf, fail);
  const window = family.slidingWindow(hf, fail);
  const hfSource: HfSource = { config: hf, ...(generationConfig ? { generationConfig } : {}) };
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
      ropeTheta,
      ...(ropeScaling ? { ropeScaling } : {}),
      sharedClassifier: hf.tie_word_embeddings ?? false, // transformers' default for all three
      ...(hf.head_dim != null ? { headDim: hf.head_dim } : {}),
      ...family.biases(hf),
      ...(window === undefined ? {} : { slidingWindow: window }),
      hf: hfSource,
    });
  } catch (e) {
    return fail((e as Error).message);
  }
}
