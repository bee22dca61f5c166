import type { KernelConfig, PackAttrs, TensorInfo, UnpackAttrs } from '@tensorflow/tfjs-core';
import type { NativeKernelContext } from './NativeKernelContext';
import { sizeOf } from './TensorMemory';

/**
 * Pack (tf.stack) and Unpack (tf.unstack) along axis 0 of float32 tensors: each part is
 * one contiguous block, so both are block copies (the wasm backend slices element-wise).
 * Other axes and dtypes go to the backend's own kernels.
 */
export function stackKernels(ctx: NativeKernelContext): KernelConfig[] {
  const packFallback = ctx.fallback('Pack');
  const unpackFallback = ctx.fallback('Unpack');
  return [
    {
      kernelName: 'Pack',
      backendName: ctx.backendName,
      kernelFunc: (args) => {
        const parts = Object.values(args.inputs) as TensorInfo[];
        const { axis } = args.attrs as unknown as PackAttrs;
        if (axis !== 0 || !parts.length || parts.some((p) => p.dtype !== 'float32'))
          return packFallback(args);
        const memory = ctx.memory(args.backend);
        const size = sizeOf(parts[0].shape);
        const [out] = memory.compute([[parts.length, ...parts[0].shape]], ([outv], v) => {
          parts.forEach((p, i) => outv.set(v.f32(p).subarray(0, size), i * size)); // [S, ...]
        });
        return out;
      },
    },
    {
      kernelName: 'Unpack',
      backendName: ctx.backendName,
      kernelFunc: (args) => {
        const { value } = args.inputs as { value: TensorInfo };
        const { axis } = args.attrs as unknown as UnpackAttrs;
        if (axis !== 0 || value.dtype !== 'float32') return unpackFallback(args);
        const memory = ctx.memory(args.backend);
        const count = value.shape[0];
        const shape = value.shape.slice(1);
        const size = sizeOf(shape);
        const shapes = Array.from({ length: count }, () => shape);
        return memory.compute(shapes, (outs, v) => {
          const src = v.f32(value); // [count, ...shape]
          outs.forEach((o, i) => o.set(src.subarray(i * size, (i + 1) * size)));
        });
      },
    },
  ];
}
