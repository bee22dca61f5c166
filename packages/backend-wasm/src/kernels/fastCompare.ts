import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import {
  backend_util,
  util,
  type KernelConfig,
  type KernelFunc,
  type TensorInfo,
} from '@tensorflow/tfjs-core';

/** Strides of `shape` indexed by the positions of the broadcast `out` shape (0 where it repeats). */
function broadcastStrides(shape: number[], out: number[]): number[] {
  const padded = [...new Array<number>(out.length - shape.length).fill(1), ...shape];
  const strides = new Array<number>(out.length).fill(0);
  for (let d = out.length - 1, s = 1; d >= 0; d--) {
    strides[d] = padded[d] === 1 ? 0 : s;
    s *= padded[d];
  }
  return strides;
}

/**
 * A comparison kernel (Equal, Less, …) for wasm: tfjs 4.22's C++ comparisons are slow
 * when broadcasting (Equal of [256, 512] against [256, 1], as in the gradient of `max`
 * inside `logSumExp`, takes ~45 ms). This walks the output row by row with broadcast
 * strides over views of both inputs. Strings go to the original kernel.
 */
export function fastCompare(
  original: KernelConfig,
  compare: (a: number, b: number) => boolean,
): KernelConfig {
  const kernelFunc = (args: Parameters<KernelFunc>[0]): TensorInfo => {
    const a = args.inputs.a as TensorInfo;
    const b = args.inputs.b as TensorInfo;
    if (a.dtype === 'string' || b.dtype === 'string')
      return original.kernelFunc(args) as TensorInfo;
    const backend = args.backend as BackendWasm;
    const shape = backend_util.assertAndGetBroadcastShape(a.shape, b.shape);
    const out = backend.makeOutput(shape, 'bool'); // [broadcast]; allocate before taking views
    const total = util.sizeFromShape(shape);
    if (total === 0) return out;
    const o = backend.typedArrayFromHeap(out);
    const av = backend.typedArrayFromHeap(a);
    const bv = backend.typedArrayFromHeap(b);
    const full = shape.length ? shape : [1];
    const as = broadcastStrides(a.shape, full);
    const bs = broadcastStrides(b.shape, full);
    const rank = full.length;
    const last = full[rank - 1];
    const [aj, bj] = [as[rank - 1], bs[rank - 1]];
    const idx = new Array<number>(rank - 1).fill(0);
    for (let r = 0, rows = total / last; r < rows; r++) {
      let ai = 0;
      let bi = 0;
      for (let d = 0; d < rank - 1; d++) {
        ai += idx[d] * as[d];
        bi += idx[d] * bs[d];
      }
      for (let j = 0, base = r * last; j < last; j++)
        o[base + j] = compare(av[ai + j * aj], bv[bi + j * bj]) ? 1 : 0;
      for (let d = rank - 2; d >= 0 && ++idx[d] === full[d]; d--) idx[d] = 0;
    }
    return out;
  };
  // setupFunc/disposeFunc stay the original's: the backend runs them at init for the fallback.
  return { ...original, kernelFunc: kernelFunc as KernelFunc };
}
