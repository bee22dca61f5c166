import { readFileSync } from 'node:fs';
import { PrefoptError } from '@prefopt/core';
import { createModel, loadModel, type LlamaModel, type ModelConfigInput } from '@prefopt/model';

/**
 * The model `--model` names: a model-config `.json` gives a fresh model initialised from
 * `seed`; anything else is opened by @prefopt/model (llama2.c .bin, HF folder, a prefopt
 * checkpoint).
 */
export function buildPolicy(model: string, seed: number): LlamaModel {
  if (!model.endsWith('.json')) return loadModel(model);
  let config: ModelConfigInput;
  try {
    config = JSON.parse(readFileSync(model, 'utf8')) as ModelConfigInput;
  } catch (e) {
    throw new PrefoptError(
      'config',
      `--model ${model}: ${(e as Error).message}. A .json model is a config like {"dim":64,"hiddenDim":172,"layers":2,"heads":4,"kvHeads":4,"vocab":512,"seqLen":256}.`,
    );
  }
  if (typeof config !== 'object' || config === null || Array.isArray(config)) {
    throw new PrefoptError(
      'config',
      `--model ${model}: expected a JSON object like {"dim":64,"hiddenDim":172,"layers":2,"heads":4,"kvHeads":4,"vocab":512,"seqLen":256}, got ${JSON.stringify(config)?.slice(0, 40)}.`,
    );
  }
  try {
    return createModel(config, { seed });
  } catch (e) {
    if (PrefoptError.is(e)) throw new PrefoptError(e.kind, `--model ${model}: ${e.message}`);
    throw e;
  }
}
