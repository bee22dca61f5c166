import type { KernelConfig, KernelFunc, Tensor, TensorInfo } from '@tensorflow/tfjs-core';
import {
  PrefoptTokenLogProbs as TOKEN_LOG_PROBS,
  PrefoptTokenLogProbsGrad as TOKEN_LOG_PROBS_GRAD,
} from '@prefopt/core';
import { TfOps } from './tfOps';

const BACKEND = 'tensorflow';

/** TF's fused op: outputs loss = −log softmax(x)[t] [N] and backprop = softmax(x) − onehot(t) [N, V]. */
function softmaxCrossEntropy(ops: TfOps, logits: TensorInfo, targets: TensorInfo): Tensor[] {
  return ops.multi(
    'SparseSoftmaxCrossEntropyWithLogits',
    [logits, targets],
    [ops.type('T', logits.dtype), ops.type('Tlabels', targets.dtype)],
    2,
  );
}

/** log p(t_r) = −loss_r, from TF's `SparseSoftmaxCrossEntropyWithLogits` (one pass per row). */
const forward: KernelFunc = ({ inputs, backend }) => {
  const { logits, targets } = inputs as { logits: TensorInfo; targets: TensorInfo };
  return TfOps.run(backend, (ops) => {
    const [loss] = softmaxCrossEntropy(ops, logits, targets); // [N]
    return ops.op('Neg', [loss]); // [N]
  });
};

/** dy[r]·(onehot(t_r) − softmax(x[r, :])) = backprop · (−dy), the fused op's second output. */
const backward: KernelFunc = ({ inputs, backend }) => {
  const { logits, targets, dy } = inputs as {
    logits: TensorInfo;
    targets: TensorInfo;
    dy: TensorInfo;
  };
  return TfOps.run(backend, (ops) => {
    const [, backprop] = softmaxCrossEntropy(ops, logits, targets); // [N, V]
    const negDy = ops.reshape(ops.op('Neg', [dy]), [logits.shape[0], 1]); // [N, 1]
    return ops.mul(backprop, negDy); // [N, V]
  });
};

/** `PrefoptTokenLogProbs*` on tfjs-node's backend (lever `node-fused-logprobs`). */
export const tokenLogProbsKernels: KernelConfig[] = [
  { kernelName: TOKEN_LOG_PROBS, backendName: BACKEND, kernelFunc: forward },
  { kernelName: TOKEN_LOG_PROBS_GRAD, backendName: BACKEND, kernelFunc: backward },
];
