import type { Variable } from '@tensorflow/tfjs-core';
import type { LlamaModel } from '../llama/LlamaModel';
import { weightShapes } from '../llama/weightShapes';

/**
 * The model's parameters keyed by the names of `weightShapes` (`embedding`,
 * `layers.{i}.{attnNorm|wq|…|w3}`, `finalNorm`, `classifier` when untied), in that order:
 * the variables themselves, nothing is read or copied.
 */
export function modelVariables(model: LlamaModel): Map<string, Variable> {
  const { weights } = model;
  const out = new Map<string, Variable>();
  for (const name of weightShapes(model.config).keys()) {
    const [head, index, key] = name.split('.');
    const v =
      head === 'layers'
        ? weights.layers[Number(index)][key as keyof (typeof weights.layers)[number]]
        : (weights[head as 'embedding' | 'finalNorm' | 'classifier'] as Variable);
    out.set(name, v as Variable); // weightShapes names only the biases the model has
  }
  return out;
}
