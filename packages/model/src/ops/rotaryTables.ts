import * as tf from '@tensorflow/tfjs-core';
import type { RopeScaling } from '../config/ModelConfig';
import { ropeInverseFrequencies } from './ropeInverseFrequencies';

/** Rotary tables in the interleaved-pair layout of llama2.c / Meta Llama. */
export interface RotaryTables {
  cos: tf.Tensor2D; // [seqLen, hd]: cos θ_{t,i} at columns 2i and 2i+1
  sin: tf.Tensor2D; // [seqLen, hd]: −sin θ_{t,i} at column 2i, +sin θ_{t,i} at 2i+1
}

/**
 * θ_{t,i} = t · inv_freq_i (inv_freq from `ropeInverseFrequencies`: base^(−2i/hd), scaled as
 * `scaling` says), computed in float32 step by step as PyTorch does, so positions far along agree.
 */
export function rotaryTables(
  headDim: number,
  seqLen: number,
  base: number,
  scaling?: RopeScaling,
): RotaryTables {
  const f = Math.fround;
  const freqs = ropeInverseFrequencies(headDim, base, scaling); // [hd/2]
  const cos = new Float32Array(seqLen * headDim);
  const sin = new Float32Array(seqLen * headDim);
  freqs.forEach((freq, i) => {
    for (let t = 0; t < seqLen; t++) {
      const angle = f(t * freq);
      const c = Math.cos(angle);
      const s = Math.sin(angle);
      cos[t * headDim + 2 * i] = c;
      cos[t * headDim + 2 * i + 1] = c;
      sin[t * headDim + 2 * i] = -s;
      sin[t * headDim + 2 * i + 1] = s;
    }
  });
  return {
    cos: tf.tensor2d(cos, [seqLen, headDim]), // [seqLen, hd]
    sin: tf.tensor2d(sin, [seqLen, headDim]), // [seqLen, hd]
  };
}
