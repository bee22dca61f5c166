import * as tf from '@tensorflow/tfjs-core';
import { PrefoptError } from '@prefopt/core';
import type { ModelConfig } from '../config/ModelConfig';
import { buildWeights } from '../llama/buildWeights';
import { LlamaModel } from '../llama/LlamaModel';
import { weightShapes } from '../llama/weightShapes';
import type { WeightArrays } from './WeightArrays';

/** A model holding `weights`; every name and size is checked first (`source` names the file). */
export function modelFromWeights(
  config: ModelConfig,
  weights: WeightArrays,
  source: string,
): LlamaModel {
  const shapes = weightShapes(config);
  for (const [name, shape] of shapes) {
    const values = weights.get(name);
    const expected = shape.reduce((a, b) => a * b, 1);
    if (!values)
      throw new PrefoptError(
        'checkpoint',
        `${source}: weight ${name} [${shape.join(', ')}] is missing.`,
      );
    if (values.length !== expected) {
      throw new PrefoptError(
        'checkpoint',
        `${source}: weight ${name} expected ${expected} values [${shape.join(', ')}], found ${values.length}.`,
      );
    }
  }
  const unknown = [...weights.keys()].filter((name) => !shapes.has(name));
  if (unknown.length) {
    throw new PrefoptError(
      'checkpoint',
      `${source}: unexpected weights ${unknown.join(', ')} for this config.`,
    );
  }
  return new LlamaModel(
    config,
    buildWeights(config, (name, shape) =>
      tf.tensor(weights.get(name) as Float32Array, shape, 'float32'),
    ),
  );
}
