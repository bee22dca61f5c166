import * as tf from '@tensorflow/tfjs-core';
import { matMul2d, type Projection } from '@prefopt/model';
import { frozenMatMul } from './frozenMatMul';
import type { LoraAdapters } from './LoraAdapters';

/**
 * The Projection of a LoRA model: x·W (W frozen: no weight gradient) plus, where the
 * projection is a target, scale · (dropout(x)·A)·B (PEFT's `lora_B(lora_A(dropout(x))) * scaling`).
 * Dropout acts only while a gradient tape records the call (training); the reference,
 * evaluation, scoring and generation see the adapters without it.
 */
export function loraProjection(adapters: LoraAdapters): Projection {
  const { scale } = adapters;
  const rate = adapters.options.dropout;
  return (layer, name, x, w) => {
    const base = frozenMatMul(x, w); // [M, out]
    const pair = adapters.get(layer, name);
    if (!pair) return base;
    const input = rate > 0 && isTraining() ? (tf.dropout(x, rate) as tf.Tensor2D) : x; // [M, in]
    // matMul2d: a gradient without transpose flags (tfjs's is a slow path on wasm)
    const low = matMul2d(input, pair.a as tf.Tensor2D); // [M, r]
    const update = matMul2d(low, pair.b as tf.Tensor2D); // [M, out]
    return tf.add(base, tf.mul(update, scale)) as tf.Tensor2D; // [M, out]
  };
}

/** True inside `tf.grad`/`tf.variableGrads` (the engine is recording a tape). */
function isTraining(): boolean {
  return (tf.engine() as unknown as { isTapeOn(): boolean }).isTapeOn();
}
