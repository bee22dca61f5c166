import * as tf from '@tensorflow/tfjs-core';
import type { ModelConfig } from '../config/ModelConfig';
import type { LayerWeights, LlamaWeights } from './LlamaWeights';
import { weightShapes } from './weightShapes';

/**
 * Trainable variables for every parameter of `config`, each from `make(name, shape)`
 * (names as in `weightShapes`). The tensors `make` returns are disposed once copied.
 */
export function buildWeights(
  config: ModelConfig,
  make: (name: string, shape: number[]) => tf.Tensor,
): LlamaWeights {
  const variables = new Map<string, tf.Variable>();
  for (const [name, shape] of weightShapes(config)) {
    const init = make(name, shape);
    variables.set(name, tf.variable(init, true));
    init.dispose();
  }
  const get = (name: string): tf.Variable => variables.get(name) as tf.Variable;
  const optional = (name: string): { [key: string]: tf.Variable } => {
    const v = variables.get(name);
    return v ? { [name.slice(name.lastIndexOf('.') + 1)]: v } : {};
  };
  const layers: LayerWeights[] = [];
  for (let i = 0; i < config.layers; i++) {
    const p = `layers.${i}.`;
    layers.push({
      attnNorm: get(`${p}attnNorm`),
      wq: get(`${p}wq`),
      wk: get(`${p}wk`),
      wv: get(`${p}wv`),
      wo: get(`${p}wo`),
      ffnNorm: get(`${p}ffnNorm`),
      w1: get(`${p}w1`),
      w2: get(`${p}w2`),
      w3: get(`${p}w3`),
      ...['bq', 'bk', 'bv', 'bo', 'b1', 'b2', 'b3'].reduce(
        (acc, b) => ({ ...acc, ...optional(`${p}${b}`) }),
        {},
      ),
    });
  }
  return {
    embedding: get('embedding'),
    layers,
    finalNorm: get('finalNorm'),
    classifier: variables.get('classifier'),
  };
}
