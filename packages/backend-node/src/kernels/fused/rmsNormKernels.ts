import type { KernelConfig, KernelFunc, Tensor, TensorInfo } from '@tensorflow/tfjs-core';
import { PrefoptRmsNorm as RMS_NORM, PrefoptRmsNormGrad as RMS_NORM_GRAD } from '@prefopt/core';
import { TfOps } from './tfOps';

const BACKEND = 'tensorflow';

/** r = 1/sqrt(mean(x²) + ε) per row: [M, D] → [M, 1]. */
function inverseRms(ops: TfOps, x: TensorInfo, eps: number): Tensor {
  const meanSquare = ops.reduce('Mean', ops.op('Square', [x]), [1], true); // [M, 1]
  return ops.op('Rsqrt', [ops.add(meanSquare, ops.scalar(eps))]); // [M, 1]
}

/** y = x·r·w, five TF ops in one tfjs kernel. */
const forward: KernelFunc = ({ inputs, backend, attrs }) => {
  const { x, weight } = inputs as { x: TensorInfo; weight: TensorInfo };
  const eps = (attrs as { eps: number }).eps;
  return TfOps.run(backend, (ops) => ops.mul(ops.mul(x, inverseRms(ops, x, eps)), weight)); // [M, D]
};

/**
 * The closed-form gradient, with x̂ = x·r and g = dy·w:
 * dx = r·(g − x̂·mean(g·x̂)) [M, D], dw = Σ_rows dy·x̂ [D].
 */
const backward: KernelFunc = ({ inputs, backend, attrs }) => {
  const { x, weight, dy } = inputs as { x: TensorInfo; weight: TensorInfo; dy: TensorInfo };
  const eps = (attrs as { eps: number }).eps;
  return TfOps.run(backend, (ops) => {
    const r = inverseRms(ops, x, eps); // [M, 1]
    const xHat = ops.mul(x, r); // [M, D]
    const dw = ops.reduce('Sum', ops.mul(dy, xHat), [0], false); // [D]
    const g = ops.mul(dy, weight); // [M, D]
    const m = ops.reduce('Mean', ops.mul(g, xHat), [1], true); // [M, 1]
    const dx = ops.mul(r, ops.sub(g, ops.mul(xHat, m))); // [M, D]
    return [dx, dw];
  });
};

/** `PrefoptRmsNorm*` on tfjs-node's backend (lever `node-fused-rmsnorm`). */
export const rmsNormKernels: KernelConfig[] = [
  { kernelName: RMS_NORM, backendName: BACKEND, kernelFunc: forward },
  { kernelName: RMS_NORM_GRAD, backendName: BACKEND, kernelFunc: backward },
];
