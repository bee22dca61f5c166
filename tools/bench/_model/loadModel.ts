import { existsSync, statSync } from 'node:fs';
import { PrefoptError } from '@prefopt/core';
import { modelFromWeights } from './checkpoint/modelFromWeights';
import { readHfFolder } from './checkpoint/hf/readHfFolder';
import { readLlama2cBin } from './checkpoint/readLlama2cBin';
import type { LlamaModel } from './llama/LlamaModel';

/**
 * Opens a model from `path`: a llama2.c legacy checkpoint (a file, usually `.bin`), or a
 * folder in Hugging Face layout (`config.json` + `model.safetensors`), which is also the
 * layout of prefopt's own checkpoints.
 */
export function loadModel(path: string): LlamaModel {
  if (!existsSync(path)) {
    throw new PrefoptError(
      'checkpoint',
      `model ${path} not found; pass a llama2.c .bin file or a folder with config.json + model.safetensors.`,
    );
  }
  const { config, weights } = statSync(path).isDirectory()
    ? readHfFolder(path)
    : readLlama2cBin(path);
  return modelFromWeights(config, weights, path);
}
