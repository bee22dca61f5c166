import { modelWeights } from './checkpoint/modelWeights';
import { writeHfFolder, type HfWriteOptions } from './checkpoint/hf/writeHfFolder';
import { writeLlama2cBin } from './checkpoint/writeLlama2cBin';
import type { LlamaModel } from './llama/LlamaModel';

/**
 * Writes `model` to `path`: a llama2.c legacy checkpoint when the path ends in `.bin`,
 * otherwise a folder in Hugging Face layout (config.json + float32 model.safetensors +
 * generation_config.json, and the tokenizer files when `options.tokenizer` is given).
 */
export async function saveModel(
  model: LlamaModel,
  path: string,
  options: HfWriteOptions = {},
): Promise<void> {
  const weights = await modelWeights(model);
  if (path.endsWith('.bin')) writeLlama2cBin(path, model.config, weights);
  else writeHfFolder(path, model.config, weights, options);
}
