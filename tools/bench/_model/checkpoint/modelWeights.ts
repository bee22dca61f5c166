import type { Variable } from '@tensorflow/tfjs-core';
import type { LlamaModel } from '../llama/LlamaModel';
import type { LayerWeights } from '../llama/LlamaWeights';
import type { WeightArrays } from './WeightArrays';

const LAYER_KEYS: (keyof LayerWeights)[] = [
  'attnNorm',
  'wq',
  'wk',
  'wv',
  'wo',
  'ffnNorm',
  'w1',
  'w2',
  'w3',
];

/** A copy of the model's parameters as float32 arrays, named as in `weightShapes`. */
export function modelWeights(model: LlamaModel): WeightArrays {
  const { weights } = model;
  const out: WeightArrays = new Map();
  const put = (name: string, v: Variable) =>
    out.set(name, Float32Array.from(v.dataSync() as Float32Array));
  put('embedding', weights.embedding);
  weights.layers.forEach((layer, i) =>
    LAYER_KEYS.forEach((key) => put(`layers.${i}.${key}`, layer[key])),
  );
  put('finalNorm', weights.finalNorm);
  if (weights.classifier) put('classifier', weights.classifier);
  return out;
}
