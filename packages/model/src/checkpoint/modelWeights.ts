import type { LlamaModel } from '../llama/LlamaModel';
import { modelVariables } from './modelVariables';
import type { WeightArrays } from './WeightArrays';

/**
 * A copy of the model's parameters as float32 arrays, named as in `weightShapes`. Reads
 * with `await data()`, so it works on every backend (webgpu in Node cannot read synchronously).
 */
export async function modelWeights(model: LlamaModel): Promise<WeightArrays> {
  const out: WeightArrays = new Map();
  for (const [name, v] of modelVariables(model)) {
    out.set(name, Float32Array.from((await v.data()) as Float32Array));
  }
  return out;
}
