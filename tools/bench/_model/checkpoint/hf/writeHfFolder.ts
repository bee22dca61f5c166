import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PrefoptError } from '@prefopt/core';
import type { ModelConfig } from '../../config/ModelConfig';
import { weightShapes } from '../../llama/weightShapes';
import { writeSafetensors } from '../safetensors/writeSafetensors';
import { transposeMatrix } from '../transposeMatrix';
import type { WeightArrays } from '../WeightArrays';
import { toHfConfig } from './toHfConfig';
import { hfTensorNames } from './hfTensorNames';
import { permuteRotaryRows } from './permuteRotaryRows';

/**
 * Writes `config.json` + `model.safetensors` (float32) that transformers'
 * `LlamaForCausalLM.from_pretrained(dir)` opens.
 */
export function writeHfFolder(dir: string, config: ModelConfig, weights: WeightArrays): void {
  const shapes = weightShapes(config);
  const tensors = hfTensorNames(config).map((entry) => {
    const shape = shapes.get(entry.name) as number[]; // prefopt layout: [in, out] for matrices
    let values = weights.get(entry.name);
    const expected = shape.reduce((a, b) => a * b, 1);
    if (!values || values.length !== expected) {
      throw new PrefoptError(
        'checkpoint',
        `cannot write ${dir}: weight ${entry.name} expected ${expected} values, found ${values?.length ?? 'none'}.`,
      );
    }
    if (!entry.transpose) return { name: entry.hf, shape, values };
    const [inSize, outSize] = shape;
    values = transposeMatrix(values, inSize, outSize); // [out, in]
    if (entry.rotaryHeads) values = permuteRotaryRows(values, entry.rotaryHeads, inSize, false);
    return { name: entry.hf, shape: [outSize, inSize], values };
  });
  mkdirSync(dir, { recursive: true });
  writeSafetensors(join(dir, 'model.safetensors'), tensors, { format: 'pt', producer: 'prefopt' });
  writeFileSync(join(dir, 'config.json'), `${JSON.stringify(toHfConfig(config), null, 2)}\n`);
}
