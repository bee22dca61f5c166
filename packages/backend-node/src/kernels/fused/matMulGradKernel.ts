import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import { PrefoptMatMulGrad as MATMUL_GRAD } from '@prefopt/core';
import { TfOps } from './tfOps';

const BACKEND = 'tensorflow';

/**
 * Both gradients of `a · b` with TF's transpose flags instead of explicit transposes:
 * da = dy · bᵀ, db = aᵀ · dy — `MatMul` for rank 2, `BatchMatMulV2` (adj_x/adj_y) for rank 3.
 */
const matMulGrad: KernelFunc = ({ inputs, backend }) => {
  const { a, b, dy } = inputs as { a: TensorInfo; b: TensorInfo; dy: TensorInfo };
  return TfOps.run(backend, (ops) => {
    if (a.shape.length === 2) {
      const flags = (ta: boolean, tb: boolean) => [
        ops.bool('transpose_a', ta),
        ops.bool('transpose_b', tb),
      ];
      return [
        ops.op('MatMul', [dy, b], flags(false, true)), // [M, N]·[K, N]ᵀ → [M, K]
        ops.op('MatMul', [a, dy], flags(true, false)), // [M, K]ᵀ·[M, N] → [K, N]
      ];
    }
    const flags = (ax: boolean, ay: boolean) => [ops.bool('adj_x', ax), ops.bool('adj_y', ay)];
    return [
      ops.op('BatchMatMulV2', [dy, b], flags(false, true)), // [S, M, N]·[S, K, N]ᵀ → [S, M, K]
      ops.op('BatchMatMulV2', [a, dy], flags(true, false)), // [S, M, K]ᵀ·[S, M, N] → [S, K, N]
    ];
  });
};

/** `PrefoptMatMulGrad` on tfjs-node's backend (lever `node-matmul-transpose-flags`). */
export const matMulGradKernels: KernelConfig[] = [
  { kernelName: MATMUL_GRAD, backendName: BACKEND, kernelFunc: matMulGrad },
];
