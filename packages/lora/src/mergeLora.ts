import * as tf from '@tensorflow/tfjs-core';
import { modelWeights, type WeightArrays } from '@prefopt/model';
import { LORA_TARGETS } from './loraTargets';
import type { LoraModel } from './LoraModel';

/**
 * The base weights with every adapter folded in: W ← W + scale · A·B (PEFT's
 * `merge_and_unload`), as plain arrays in prefopt's layout, ready for `writeHfFolder`.
 */
export async function mergeLora(model: LoraModel): Promise<WeightArrays> {
  const weights = await modelWeights(model.base);
  const { adapters } = model;
  for (const { layer, name, pair } of adapters.entries()) {
    const key = `layers.${layer}.${LORA_TARGETS.find((t) => t.name === name)!.weight}`;
    const base = weights.get(key)!;
    const merged = tf.tidy(() => {
      const w = tf.tensor2d(base, [pair.a.shape[0], pair.b.shape[1]] as [number, number]); // [in, out]
      const delta = tf.matMul(pair.a as tf.Tensor2D, pair.b as tf.Tensor2D); // [in, out]
      return tf.add(w, tf.mul(delta, adapters.scale));
    });
    weights.set(key, Float32Array.from((await merged.data()) as Float32Array));
    merged.dispose();
  }
  return weights;
}
