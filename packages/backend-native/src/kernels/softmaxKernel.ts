import type { KernelConfig, TensorInfo } from '@tensorflow/tfjs-core';
import type { NativeKernelContext } from './NativeKernelContext';
import { sizeOf } from './TensorMemory';

/** Softmax over the last axis (the only axis tfjs's Softmax takes), one C pass per row. */
export function softmaxKernel(ctx: NativeKernelContext): KernelConfig {
  const fallback = ctx.fallback('Softmax');
  return {
    kernelName: 'Softmax',
    backendName: ctx.backendName,
    kernelFunc: (args) => {
      const { logits } = args.inputs as { logits: TensorInfo };
      const cols = logits.shape[logits.shape.length - 1];
      if (logits.dtype !== 'float32' || logits.shape.length === 0) return fallback(args);
      const memory = ctx.memory(args.backend);
      const rows = sizeOf(logits.shape.slice(0, -1)); // cols 0: an empty result
      const [y] = memory.compute([logits.shape], ([yv], v) => {
        ctx.addon.softmax(v.f32(logits), yv, rows, cols); // [rows, cols] → [rows, cols]
      });
      return y;
    },
  };
}
