import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import {
  PrefoptScaledMaskedSoftmax as SCALED_MASKED_SOFTMAX,
  PrefoptScaledMaskedSoftmaxGrad as SCALED_MASKED_SOFTMAX_GRAD,
} from '@prefopt/core';
import { TfOps } from './tfOps';

const BACKEND = 'tensorflow';

/** y = Softmax(x·scale + mask), the mask [Tq, Tk] broadcast over the S slices. */
const forward: KernelFunc = ({ inputs, backend, attrs }) => {
  const { x, mask } = inputs as { x: TensorInfo; mask: TensorInfo };
  const scale = (attrs as { scale: number }).scale;
  return TfOps.run(backend, (ops) =>
    ops.op('Softmax', [ops.add(ops.mul(x, ops.scalar(scale)), mask)]),
  ); // [S, Tq, Tk]
};

/** dx = scale·y·(dy − Σ_k dy·y), from the output alone. */
const backward: KernelFunc = ({ inputs, backend, attrs }) => {
  const { y, dy } = inputs as { y: TensorInfo; dy: TensorInfo };
  const scale = (attrs as { scale: number }).scale;
  return TfOps.run(backend, (ops) => {
    const rowDot = ops.reduce('Sum', ops.mul(dy, y), [y.shape.length - 1], true); // [S, Tq, 1]
    return ops.mul(ops.mul(y, ops.scalar(scale)), ops.sub(dy, rowDot)); // [S, Tq, Tk]
  });
};

/** `PrefoptScaledMaskedSoftmax*` on tfjs-node's backend (lever `node-fused-softmax`). */
export const scaledMaskedSoftmaxKernels: KernelConfig[] = [
  { kernelName: SCALED_MASKED_SOFTMAX, backendName: BACKEND, kernelFunc: forward },
  { kernelName: SCALED_MASKED_SOFTMAX_GRAD, backendName: BACKEND, kernelFunc: backward },
];
