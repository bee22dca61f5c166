import type { BatchMatMulAttrs, KernelConfig, TensorInfo } from '@tensorflow/tfjs-core';
import type { NativeAddon } from '../addon/NativeAddon';
import type { NativeKernelContext } from './NativeKernelContext';
import { sizeOf, type TensorMemory } from './TensorMemory';

/**
 * op(a)·op(b) through OpenBLAS sgemm, for float32 [..., M, K]·[..., K, N] where the batch
 * dims are equal or one side has a single batch (broadcast). Returns undefined when it
 * does not apply (int32, partial broadcasting such as [2, 1, M, K]·[1, 3, K, N]).
 */
export function nativeBatchMatMul(
  addon: NativeAddon,
  memory: TensorMemory,
  a: TensorInfo,
  b: TensorInfo,
  transposeA: boolean,
  transposeB: boolean,
): TensorInfo | undefined {
  if (a.dtype !== 'float32' || b.dtype !== 'float32' || a.shape.length < 2 || b.shape.length < 2)
    return undefined;
  const ra = a.shape.length;
  const rb = b.shape.length;
  const m = transposeA ? a.shape[ra - 1] : a.shape[ra - 2];
  const k = transposeA ? a.shape[ra - 2] : a.shape[ra - 1];
  const kb = transposeB ? b.shape[rb - 1] : b.shape[rb - 2];
  const n = transposeB ? b.shape[rb - 2] : b.shape[rb - 1];
  if (k !== kb) return undefined; // the backend's kernel throws its usual shape error
  const batchA = a.shape.slice(0, -2);
  const batchB = b.shape.slice(0, -2);
  const sizeA = sizeOf(batchA);
  const sizeB = sizeOf(batchB);
  let outBatch: number[];
  if (batchA.length === batchB.length && batchA.every((d, i) => d === batchB[i])) outBatch = batchA;
  else if (sizeB === 1 && batchA.length >= batchB.length) outBatch = batchA;
  else if (sizeA === 1 && batchB.length >= batchA.length) outBatch = batchB;
  else return undefined;
  const strideA = sizeA === 1 ? 0 : m * k;
  const strideB = sizeB === 1 ? 0 : k * n;
  const batch = sizeOf(outBatch);
  const [c] = memory.compute([[...outBatch, m, n]], ([cv], v) => {
    // [...batch, M, N] = op([...batch, M, K]) · op([...batch, K, N])
    addon.batchMatMul(
      transposeA,
      transposeB,
      batch,
      m,
      n,
      k,
      v.f32(a),
      strideA,
      v.f32(b),
      strideB,
      cv,
    );
  });
  return c;
}

/** The BatchMatMul kernel: OpenBLAS where it applies, else the backend's own. */
export function batchMatMulKernel(ctx: NativeKernelContext): KernelConfig {
  const fallback = ctx.fallback('BatchMatMul');
  return {
    kernelName: 'BatchMatMul',
    backendName: ctx.backendName,
    kernelFunc: (args) => {
      const { a, b } = args.inputs as { a: TensorInfo; b: TensorInfo };
      const { transposeA, transposeB } = args.attrs as unknown as BatchMatMulAttrs;
      const memory = ctx.memory(args.backend);
      return nativeBatchMatMul(ctx.addon, memory, a, b, transposeA, transposeB) ?? fallback(args);
    },
  };
}
