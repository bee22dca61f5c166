import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';

interface Disposer {
  disposeData(dataId: object): unknown;
}

/**
 * Wraps tfjs-backend-webgpu 4.22's `Reverse`, which only handles rank ≤ 4 (a rank-5
 * input fails with "Size(…) must match the product of shape"): runs of adjacent axes
 * that are all reversed, or all kept, merge into one axis, so the rotary embedding's
 * [N, T, H, hd/2, 2] reversed on its last axis runs as [N·T·H·hd/2, 2].
 */
export function reverseAnyRank(original: KernelConfig, reshape: KernelConfig): KernelConfig {
  const kernelFunc = (args: Parameters<KernelFunc>[0]): TensorInfo => {
    const x = args.inputs.x as TensorInfo; // [d0, …, d(r-1)]
    const rank = x.shape.length;
    if (rank <= 4) return original.kernelFunc(args) as TensorInfo;
    const raw = (args.attrs as { dims: number | number[] }).dims;
    const flip = new Set((Array.isArray(raw) ? raw : [raw]).map((a) => (a < 0 ? a + rank : a)));
    const shape: number[] = [];
    const dims: number[] = [];
    x.shape.forEach((d, i) => {
      if (i > 0 && flip.has(i) === flip.has(i - 1)) shape[shape.length - 1] *= d;
      else {
        if (flip.has(i)) dims.push(shape.length);
        shape.push(d);
      }
    });
    if (shape.length > 4) {
      throw new Error(
        `Reverse on webgpu: axes [${[...flip]}] of a rank-${rank} tensor do not merge to rank ≤ 4.`,
      );
    }
    const backend = args.backend as Disposer;
    const merged = reshape.kernelFunc({
      inputs: { x },
      backend: args.backend,
      attrs: { shape },
    }) as TensorInfo; // [merged]
    const reversed = original.kernelFunc({
      inputs: { x: merged },
      backend: args.backend,
      attrs: { dims },
    }) as TensorInfo;
    const out = reshape.kernelFunc({
      inputs: { x: reversed },
      backend: args.backend,
      attrs: { shape: x.shape },
    }) as TensorInfo; // [d0, …]
    backend.disposeData(merged.dataId);
    backend.disposeData(reversed.dataId);
    return out;
  };
  // setupFunc/disposeFunc stay the original's: the backend runs them at init for the fallback.
  return { ...original, kernelFunc: kernelFunc as KernelFunc };
}
