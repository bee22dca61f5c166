import { describe, expect, it } from 'vitest';
import { fromHfConfig } from './fromHfConfig';
import type { HfLlamaConfig } from './HfLlamaConfig';

const BASE: HfLlamaConfig = {
  model_type: 'llama',
  hidden_size: 16,
  intermediate_size: 24,
  num_hidden_layers: 2,
  num_attention_heads: 2,
  num_key_value_heads: 1,
  vocab_size: 64,
  max_position_embeddings: 64,
};
const read = (extra: Record<string, unknown>) =>
  fromHfConfig({ ...BASE, ...extra }, 'm/config.json');
const refusal = (extra: Record<string, unknown>) => {
  try {
    read(extra);
  } catch (e) {
    expect(e).toMatchObject({ kind: 'checkpoint' });
    return (e as Error).message;
  }
  throw new Error(`accepted ${JSON.stringify(extra)}`);
};

describe('fromHfConfig: transformers’ defaults, implemented fields', () => {
  it('defaults as transformers 5.18’s LlamaConfig: untied, eps 1e-6, theta 10000, head_dim D/H', () => {
    expect(read({})).toMatchObject({
      sharedClassifier: false,
      normEps: 1e-6,
      ropeTheta: 10000,
      headDim: 8,
      qkvBias: false,
      outBias: false,
      mlpBias: false,
    });
    expect(read({}).ropeScaling).toBeUndefined();
    expect(read({}).slidingWindow).toBeUndefined();
  });

  it('rope_parameters (transformers ≥ 5) and rope_theta / rope_scaling (< 5) give the same config', () => {
    const llama3 = {
      factor: 8,
      low_freq_factor: 1,
      high_freq_factor: 4,
      original_max_position_embeddings: 8192,
    };
    const a = read({ rope_parameters: { rope_type: 'llama3', rope_theta: 500000, ...llama3 } });
    const b = read({ rope_theta: 500000, rope_scaling: { rope_type: 'llama3', ...llama3 } });
    const c = read({ rope_theta: 500000, rope_scaling: { type: 'llama3', ...llama3 } });
    expect(a.ropeTheta).toBe(500000);
    expect(a.ropeScaling).toEqual({
      type: 'llama3',
      factor: 8,
      lowFreqFactor: 1,
      highFreqFactor: 4,
      originalMaxPositions: 8192,
    });
    for (const x of [b, c]) {
      expect(x.ropeTheta).toBe(a.ropeTheta);
      expect(x.ropeScaling).toEqual(a.ropeScaling);
    }
    expect(read({ rope_scaling: { type: 'linear', factor: 2 } }).ropeScaling).toEqual({
      type: 'linear',
      factor: 2,
    });
  });

  it('attention_bias / mlp_bias (llama), q/k/v biases (qwen2), none (mistral)', () => {
    expect(read({ attention_bias: true, mlp_bias: true })).toMatchObject({
      qkvBias: true,
      outBias: true,
      mlpBias: true,
    });
    expect(read({ model_type: 'qwen2' })).toMatchObject({
      qkvBias: true,
      outBias: false,
      mlpBias: false,
    });
    expect(read({ model_type: 'mistral', attention_bias: true })).toMatchObject({
      qkvBias: false,
    });
  });

  it('sliding windows: mistral’s (4096 when absent), qwen2’s only with use_sliding_window on every layer', () => {
    expect(read({ model_type: 'mistral', sliding_window: 6 }).slidingWindow).toBe(6);
    expect(read({ model_type: 'mistral', max_position_embeddings: 8192 }).slidingWindow).toBe(4096);
    expect(read({ model_type: 'mistral', sliding_window: null }).slidingWindow).toBeUndefined();
    expect(read({ model_type: 'mistral', sliding_window: 64 }).slidingWindow).toBeUndefined(); // ≥ context
    expect(read({ model_type: 'qwen2', sliding_window: 6 }).slidingWindow).toBeUndefined();
    expect(
      read({
        model_type: 'qwen2',
        use_sliding_window: true,
        sliding_window: 6,
        max_window_layers: 0,
      }).slidingWindow,
    ).toBe(6);
    expect(
      refusal({
        model_type: 'qwen2',
        use_sliding_window: true,
        sliding_window: 6,
        max_window_layers: 1,
      }),
    ).toMatch(/use_sliding_window with sliding attention on only some layers/);
  });

  it('head_dim other than hidden_size / heads is implemented', () => {
    expect(read({ head_dim: 12 }).headDim).toBe(12);
  });
});

describe('fromHfConfig: refusals name the field', () => {
  it.each([
    [
      { model_type: 'gemma' },
      /model_type 'gemma' is not supported; expected llama, mistral, qwen2/,
    ],
    [{ hidden_act: 'gelu' }, /hidden_act 'gelu' is not supported/],
    [
      { rope_parameters: { rope_type: 'yarn', factor: 4, rope_theta: 1e4 } },
      /rope_parameters\.rope_type 'yarn'/,
    ],
    [{ rope_scaling: { type: 'dynamic', factor: 2 } }, /rope_scaling\.rope_type 'dynamic'/],
    [
      { rope_scaling: { type: 'longrope', short_factor: [1], long_factor: [2] } },
      /rope_scaling\.rope_type 'longrope'/,
    ],
    [
      { rope_parameters: { full_attention: { rope_type: 'default' }, sliding_attention: {} } },
      /rope_parameters per layer type is not supported/,
    ],
    [{ rope_scaling: { type: 'linear' } }, /rope_scaling\.factor must be a positive number/],
    [{ rope_parameters: { rope_type: 'llama3', factor: 8, rope_theta: 1e4 } }, /low_freq_factor/],
    [{ partial_rotary_factor: 0.5 }, /partial_rotary_factor 0\.5/],
    [{ attention_dropout: 0.1 }, /attention_dropout 0\.1/],
    [{ quantization_config: { quant_method: 'gptq' } }, /quantization_config/],
    [{ head_dim: 7 }, /head size 7 must be even/],
  ])('%j', (extra, message) => {
    expect(refusal(extra)).toMatch(message);
    expect(refusal(extra)).toMatch(/^m\/config\.json: /);
  });
});
