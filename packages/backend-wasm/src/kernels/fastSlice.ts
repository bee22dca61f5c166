import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import {
  slice_util,
  util,
  type KernelConfig,
  type KernelFunc,
  type SliceAttrs,
  type TensorInfo,
} from '@tensorflow/tfjs-core';

/**
 * `Slice` for wasm that copies only the slice: tfjs 4.22's kernel first copies the whole
 * input off the heap (readSync) for every call. Rows along the last axis are copied
 * from a view of the input straight into the output. Strings go to the original kernel.
 */
export function fastSlice(original: KernelConfig): KernelConfig {
  const kernelFunc = (args: Parameters<KernelFunc>[0]): TensorInfo => {
    const x = args.inputs.x as TensorInfo;
    if (x.dtype === 'string') return original.kernelFunc(args) as TensorInfo;
    const backend = args.backend as BackendWasm;
    const attrs = args.attrs as unknown as SliceAttrs;
    const [begin, size] = slice_util.parseSliceParams(x, attrs.begin, attrs.size);
    const out = backend.makeOutput(size, x.dtype); // [size..]; allocate before taking views
    const total = util.sizeFromShape(size);
    if (total === 0) return out;
    const xv = backend.typedArrayFromHeap(x);
    const ov = backend.typedArrayFromHeap(out);
    const strides = util.computeStrides(x.shape);
    if (slice_util.isSliceContinous(x.shape, begin, size)) {
      const start = slice_util.computeFlatOffset(begin, strides);
      ov.set(xv.subarray(start, start + total));
      return out;
    }
    const rank = x.shape.length;
    const rowLen = size[rank - 1];
    const idx = new Array<number>(Math.max(rank - 1, 0)).fill(0); // position among the rows
    for (let r = 0, rows = total / rowLen; r < rows; r++) {
      let src = begin[rank - 1];
      for (let d = 0; d < rank - 1; d++) src += (begin[d] + idx[d]) * strides[d];
      ov.set(xv.subarray(src, src + rowLen), r * rowLen);
      for (let d = rank - 2; d >= 0 && ++idx[d] === size[d]; d--) idx[d] = 0;
    }
    return out;
  };
  // setupFunc/disposeFunc stay the original's: the backend runs them at init for the fallback.
  return { ...original, kernelFunc: kernelFunc as KernelFunc };
}
