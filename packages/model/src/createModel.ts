import * as tf from '@tensorflow/tfjs-core';
import type { ModelConfigInput } from './config/ModelConfig';
import { resolveModelConfig } from './config/resolveModelConfig';
import { buildWeights } from './llama/buildWeights';
import { LlamaModel } from './llama/LlamaModel';

export interface CreateModelOptions {
  /** Seed of the random init; equal seeds give bit-equal weights on every backend. */
  seed?: number;
}

/**
 * A freshly initialised model, as llama2.c's `model.py` initialises one: weights
 * N(0, 0.02), the residual projections (wo, w3) N(0, 0.02/√(2L)), norms 1.
 */
export function createModel(
  config: ModelConfigInput,
  options: CreateModelOptions = {},
): LlamaModel {
  const resolved = resolveModelConfig(config);
  const seed = options.seed ?? 0;
  const residualStd = 0.02 / Math.sqrt(2 * resolved.layers);
  let index = 0;
  const weights = buildWeights(resolved, (name, shape) => {
    index += 1;
    if (/Norm$/.test(name)) return tf.ones(shape);
    if (/\.b[qkvo123]$/.test(name)) return tf.zeros(shape); // biases, as transformers initialises them
    const std = /\.(wo|w3)$/.test(name) ? residualStd : 0.02;
    return tf.randomNormal(shape, 0, std, 'float32', seed * 1000 + index);
  });
  return new LlamaModel(resolved, weights);
}
