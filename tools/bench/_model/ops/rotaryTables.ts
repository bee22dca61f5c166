import * as tf from '@tensorflow/tfjs-core';

/** Rotary tables in the interleaved-pair layout of llama2.c / Meta Llama. */
export interface RotaryTables {
  cos: tf.Tensor2D; // [seqLen, hd]: cos θ_{t,i} at columns 2i and 2i+1
  sin: tf.Tensor2D; // [seqLen, hd]: −sin θ_{t,i} at column 2i, +sin θ_{t,i} at 2i+1
}

/**
 * θ_{t,i} = t · base^(−2i/hd), computed in float32 step by step as llama2.c's
 * `precompute_freqs_cis` does in PyTorch, so positions far along agree with it.
 */
export function rotaryTables(headDim: number, seqLen: number, base: number): RotaryTables {
  const f = Math.fround;
  const half = headDim / 2;
  const cos = new Float32Array(seqLen * headDim);
  const sin = new Float32Array(seqLen * headDim);
  for (let i = 0; i < half; i++) {
    const freq = f(1 / f(Math.pow(base, f(f(2 * i) / headDim))));
    for (let t = 0; t < seqLen; t++) {
      const angle = f(t * freq);
      const c = Math.cos(angle);
      const s = Math.sin(angle);
      cos[t * headDim + 2 * i] = c;
      cos[t * headDim + 2 * i + 1] = c;
      sin[t * headDim + 2 * i] = -s;
      sin[t * headDim + 2 * i + 1] = s;
    }
  }
  return {
    cos: tf.tensor2d(cos, [seqLen, headDim]), // [seqLen, hd]
    sin: tf.tensor2d(sin, [seqLen, headDim]), // [seqLen, hd]
  };
}
