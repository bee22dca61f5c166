import type { KernelConfig, TensorInfo } from '@tensorflow/tfjs-core';
import { PrefoptTokenLogProbs, PrefoptTokenLogProbsGrad } from '@prefopt/core';
import type { NativeKernelContext } from './NativeKernelContext';

function check(logits?: TensorInfo, targets?: TensorInfo, dy?: TensorInfo): [number, number] {
  const ok =
    logits?.dtype === 'float32' &&
    logits.shape.length === 2 &&
    targets?.dtype === 'int32' &&
    targets.shape.length === 1 &&
    targets.shape[0] === logits.shape[0] &&
    (dy === undefined || (dy.dtype === 'float32' && dy.shape[0] === logits.shape[0]));
  if (!ok) {
    throw new TypeError(
      `${PrefoptTokenLogProbs}: needs float32 logits [N, V] and int32 targets [N], got ` +
        `${logits?.dtype} [${logits?.shape}] and ${targets?.dtype} [${targets?.shape}]`,
    );
  }
  return [logits.shape[0], logits.shape[1]];
}

/** Forward and gradient kernels of `tokenLogProbs`, each one C pass over the logits. */
export function tokenLogProbsKernels(ctx: NativeKernelContext): KernelConfig[] {
  return [
    {
      kernelName: PrefoptTokenLogProbs,
      backendName: ctx.backendName,
      kernelFunc: ({ inputs, backend }) => {
        const { logits, targets } = inputs;
        const [rows, vocab] = check(logits, targets);
        const memory = ctx.memory(backend);
        const [out] = memory.compute([[rows]], ([outv], v) => {
          // [N, V] logits, [N] targets → [N]
          ctx.addon.tokenLogProbs(v.f32(logits!), v.i32(targets!), outv, rows, vocab);
        });
        return out;
      },
    },
    {
      kernelName: PrefoptTokenLogProbsGrad,
      backendName: ctx.backendName,
      kernelFunc: ({ inputs, backend }) => {
        const { logits, targets, dy } = inputs;
        const [rows, vocab] = check(logits, targets, dy);
        if (!dy) throw new TypeError(`${PrefoptTokenLogProbsGrad}: needs input dy [N]`);
        const memory = ctx.memory(backend);
        const [dx] = memory.compute([[rows, vocab]], ([dxv], v) => {
          // [N, V] logits, [N] targets, [N] dy → [N, V]
          ctx.addon.tokenLogProbsGrad(v.f32(logits!), v.i32(targets!), v.f32(dy), dxv, rows, vocab);
        });
        return dx;
      },
    },
  ];
}
