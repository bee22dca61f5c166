import { PrefoptError } from '@prefopt/core';
import type { ModelConfig, ModelConfigInput } from './ModelConfig';

/** Defaults for the fields a caller may omit: llama2.c's values. */
const MODEL_CONFIG_DEFAULTS = {
  normEps: 1e-5,
  ropeTheta: 10000,
  sharedClassifier: true,
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
  const config: ModelConfig = { ...MODEL_CONFIG_DEFAULTS, ...input };
  for (const key of POSITIVE_INTEGERS) {
    const v = config[key];
    if (!Number.isInteger(v) || v <= 0) {
      throw new PrefoptError(
        'config',
        `model config: ${key} must be a positive integer, got ${v}.`,
      );
    }
  }
  if (config.dim % config.heads !== 0) {
    throw new PrefoptError(
      'config',
      `model config: dim ${config.dim} is not divisible by heads ${config.heads}.`,
    );
  }
  if ((config.dim / config.heads) % 2 !== 0) {
    throw new PrefoptError(
      'config',
      `model config: head size dim/heads = ${config.dim / config.heads} must be even for rotary embeddings.`,
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
  return config;
}
