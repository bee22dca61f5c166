import type { _FusedMatMulAttrs, KernelConfig, TensorInfo } from '@tensorflow/tfjs-core';
import { nativeBatchMatMul } from './batchMatMulKernel';
import type { NativeKernelContext } from './NativeKernelContext';

/**
 * `tf.fused.matMul` without bias and activation through OpenBLAS; with either, the
 * backend's own kernel runs it whole.
 */
export function fusedMatMulKernel(ctx: NativeKernelContext): KernelConfig {
  const fallback = ctx.fallback('_FusedMatMul');
  return {
    kernelName: '_FusedMatMul',
    backendName: ctx.backendName,
    kernelFunc: (args) => {
      const { a, b, bias, preluActivationWeights } = args.inputs as Record<string, TensorInfo>;
      const { transposeA, transposeB, activation } = args.attrs as unknown as _FusedMatMulAttrs;
      if (bias || preluActivationWeights || (activation && activation !== 'linear'))
        return fallback(args);
      const memory = ctx.memory(args.backend);
      return nativeBatchMatMul(ctx.addon, memory, a, b, transposeA, transposeB) ?? fallback(args);
    },
  };
}
