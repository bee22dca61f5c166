import { PrefoptError } from '@prefopt/core';
import type { ModelConfig, ModelConfigInput } from './ModelConfig';

/** Defaults for the fields a caller may omit: llama2.c's values. */
const MODEL_CONFIG_DEFAULTS = {
  normEps: 1e-5,
  ropeTheta: 10000,
  sharedClassifier: true,
  qkvBias: false,
  outBias: false,
  mlpBias: false,
} as const;

const POSITIVE_INTEGERS = [
  'dim',
  'hiddenDim',
  'layers',
  'heads',
  'kvHeads',
  'vocab',
  'seqLen',
] as const;

/** Fills defaults and checks the record; a bad field is a `config` error naming it. */
export function resolveModelConfig(input: ModelConfigInput): ModelConfig {
  const config: ModelConfig = {
    ...MODEL_CONFIG_DEFAULTS,
    ...input,
    headDim: input.headDim ?? input.dim / input.heads,
  };
  for (const key of POSITIVE_INTEGERS) {
    const v = config[key];
    if (!Number.isInteger(v) || v <= 0) {
      throw new PrefoptError(
        'config',
        `model config: ${key} must be a positive integer, got ${v}.`,
      );
    }
  }
  if (input.headDim === undefined && config.dim % config.heads !== 0) {
    throw new PrefoptError(
      'config',
      `model config: dim ${config.dim} is not divisible by heads ${config.heads}.`,
    );
  }
  if (!Number.isInteger(config.headDim) || config.headDim <= 0) {
    throw new PrefoptError(
      'config',
      `model config: headDim must be a positive integer, got ${config.headDim}.`,
    );
  }
  if (config.headDim % 2 !== 0) {
    throw new PrefoptError(
      'config',
      `model config: head size ${config.headDim} must be even for rotary embeddings.`,
    );
  }
  if (config.heads % config.kvHeads !== 0) {
    throw new PrefoptError(
      'config',
      `model config: heads ${config.heads} is not a multiple of kvHeads ${config.kvHeads}.`,
    );
  }
  for (const key of ['normEps', 'ropeTheta'] as const) {
    if (!(config[key] > 0)) {
      throw new PrefoptError('config', `model config: ${key} must be > 0, got ${config[key]}.`);
    }
  }
  if (
    config.slidingWindow !== undefined &&
    !(Number.isInteger(config.slidingWindow) && config.slidingWindow > 0)
  ) {
    throw new PrefoptError(
      'config',
      `model config: slidingWindow must be a positive integer, got ${config.slidingWindow}.`,
    );
  }
  return config;
}
