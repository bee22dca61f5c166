import { writeHfFolder, writeLlama2cBin, type LlamaModel } from '@prefopt/model';
import { readModelWeights } from './readModelWeights';

/**
 * `saveModel` from @prefopt/model, reading the weights with `await data()` so checkpoints
 * can be written on webgpu: a llama2.c legacy file when `path` ends in `.bin`, otherwise a
 * Hugging Face folder (config.json + float32 model.safetensors). The same bytes as saveModel.
 */
export async function writeModel(model: LlamaModel, path: string): Promise<void> {
  const weights = await readModelWeights(model);
  if (path.endsWith('.bin')) writeLlama2cBin(path, model.config, weights);
  else writeHfFolder(path, model.config, weights);
}
