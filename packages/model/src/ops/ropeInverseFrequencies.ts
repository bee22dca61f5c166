import type { RopeScaling } from '../config/ModelConfig';

/**
 * RoPE inverse frequencies [hd/2] in float32, as transformers' `modeling_rope_utils`:
 * default `1 / base^(2i/hd)`; `linear` divides all by `factor`; `llama3` divides the low
 * frequencies (wavelength > original_max / low_freq_factor) by `factor`, keeps the high ones
 * (wavelength < original_max / high_freq_factor) and interpolates smoothly in between.
 */
export function ropeInverseFrequencies(
  headDim: number,
  base: number,
  scaling?: RopeScaling,
): Float32Array {
  const f = Math.fround;
  const half = headDim / 2;
  const inv = new Float32Array(half);
  for (let i = 0; i < half; i++) inv[i] = f(1 / f(Math.pow(base, f(f(2 * i) / headDim))));
  if (!scaling) return inv;
  if (scaling.type === 'linear') return inv.map((x) => f(x / scaling.factor));
  const { factor, lowFreqFactor: low, highFreqFactor: high, originalMaxPositions: old } = scaling;
  const lowWavelen = old / low;
  const highWavelen = old / high;
  return inv.map((x) => {
    const wavelen = f((2 * Math.PI) / x);
    if (wavelen < highWavelen) return x;
    if (wavelen > lowWavelen) return f(x / factor);
    const smooth = f(f(f(old / wavelen) - low) / (high - low));
    return f(f(f(f(1 - smooth) * x) / factor) + f(smooth * x));
  });
}
