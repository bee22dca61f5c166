import * as tf from '@tensorflow/tfjs-core';

/**
 * Keys and values of the positions decoded so far, one pair per layer, for incremental
 * generation. The cache owns its tensors: `dispose()` frees them.
 */
export class KvCache {
  private readonly keys: (tf.Tensor4D | undefined)[];
  private readonly values: (tf.Tensor4D | undefined)[];
  /** Positions held (the next token's position). */
  length = 0;

  constructor(layers: number) {
    this.keys = new Array(layers).fill(undefined);
    this.values = new Array(layers).fill(undefined);
  }

  /**
   * Appends this step's k, v ([N, Tnew, KV, hd]) for `layer` and returns the full ones
   * ([N, length + Tnew, KV, hd]). Safe inside tidy: the stored tensors are kept.
   */
  append(layer: number, k: tf.Tensor4D, v: tf.Tensor4D): [tf.Tensor4D, tf.Tensor4D] {
    const oldK = this.keys[layer];
    const oldV = this.values[layer];
    const fullK = tf.keep(oldK ? tf.concat([oldK, k], 1) : k.clone()); // [N, Tk, KV, hd]
    const fullV = tf.keep(oldV ? tf.concat([oldV, v], 1) : v.clone()); // [N, Tk, KV, hd]
    oldK?.dispose();
    oldV?.dispose();
    this.keys[layer] = fullK;
    this.values[layer] = fullV;
    return [fullK, fullV];
  }

  dispose(): void {
    for (const t of [...this.keys, ...this.values]) t?.dispose();
    this.keys.fill(undefined);
    this.values.fill(undefined);
    this.length = 0;
  }
}
