import type { KernelConfig, ReverseAttrs, TensorInfo } from '@tensorflow/tfjs-core';
import type { NativeKernelContext } from './NativeKernelContext';
import { sizeOf } from './TensorMemory';

/**
 * Reverse along the last axis only (the rotary pair swap), as one loop over rows; other
 * axes go to the backend's own kernel (generic index arithmetic per element).
 */
export function reverseKernel(ctx: NativeKernelContext): KernelConfig {
  const fallback = ctx.fallback('Reverse');
  return {
    kernelName: 'Reverse',
    backendName: ctx.backendName,
    kernelFunc: (args) => {
      const { x } = args.inputs as { x: TensorInfo };
      const { dims } = args.attrs as unknown as ReverseAttrs;
      const rank = x.shape.length;
      const axes = (Array.isArray(dims) ? dims : [dims]).map((d) => (d < 0 ? d + rank : d));
      if (x.dtype !== 'float32' || rank === 0 || axes.length !== 1 || axes[0] !== rank - 1)
        return fallback(args);
      const memory = ctx.memory(args.backend);
      const cols = x.shape[rank - 1];
      const total = sizeOf(x.shape);
      const [out] = memory.compute([x.shape], ([dst], v) => {
        const src = v.f32(x);
        for (let base = 0; base < total; base += cols) {
          for (let j = 0; j < cols; j++) dst[base + j] = src[base + cols - 1 - j];
        }
      });
      return out;
    },
  };
}
