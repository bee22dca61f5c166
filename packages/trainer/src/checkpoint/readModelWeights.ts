import type { LlamaModel, WeightArrays } from '@prefopt/model';
import { modelVariables } from './modelVariables';

/**
 * `modelWeights` from @prefopt/model with `await data()` instead of `dataSync()`: a copy of
 * the parameters as float32 arrays that also works on webgpu in Node, where synchronous
 * reads throw. Same names, order and values.
 */
export async function readModelWeights(model: LlamaModel): Promise<WeightArrays> {
  const out: WeightArrays = new Map();
  for (const [name, v] of modelVariables(model)) {
    out.set(name, Float32Array.from((await v.data()) as Float32Array));
  }
  return out;
}
