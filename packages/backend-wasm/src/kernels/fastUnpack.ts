import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import type { KernelConfig, KernelFunc, TensorInfo, UnpackAttrs } from '@tensorflow/tfjs-core';

/**
 * `Unpack` (tf.unstack) for wasm without the quadratic copy: tfjs 4.22's kernel slices
 * once per output, and every slice copies the whole input off the heap (readSync).
 * Here the outputs are allocated first, then each is filled from one view of the input:
 * out_i[o, j] = x[o, i, j] over the flattened [outer, n, inner] shape. Strings go to the
 * original kernel.
 */
export function fastUnpack(original: KernelConfig): KernelConfig {
  const kernelFunc = (args: Parameters<KernelFunc>[0]): TensorInfo[] => {
    const value = args.inputs.value as TensorInfo; // [.., n, ..]
    if (value.dtype === 'string') return original.kernelFunc(args) as TensorInfo[];
    const backend = args.backend as BackendWasm;
    const rank = value.shape.length;
    const axis = ((args.attrs as unknown as UnpackAttrs).axis + rank) % rank;
    const n = value.shape[axis];
    const outer = value.shape.slice(0, axis).reduce((a, b) => a * b, 1);
    const inner = value.shape.slice(axis + 1).reduce((a, b) => a * b, 1);
    const outShape = value.shape.filter((_, d) => d !== axis);
    // Allocate first: growing the heap detaches every view taken before.
    const outs = Array.from({ length: n }, () => backend.makeOutput(outShape, value.dtype)); // n × [outer.., inner..]
    const x = backend.typedArrayFromHeap(value);
    outs.forEach((out, i) => {
      const o = backend.typedArrayFromHeap(out);
      for (let b = 0; b < outer; b++) {
        const src = (b * n + i) * inner;
        o.set(x.subarray(src, src + inner), b * inner);
      }
    });
    return outs;
  };
  // setupFunc/disposeFunc stay the original's: the backend runs them at init for the fallback.
  return { ...original, kernelFunc: kernelFunc as KernelFunc };
}
