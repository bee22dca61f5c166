import type { KernelConfig, TensorInfo } from '@tensorflow/tfjs-core';
import { TOKEN_LOG_PROBS, TOKEN_LOG_PROBS_GRAD } from '@prefopt/model';
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
      `${TOKEN_LOG_PROBS}: needs float32 logits [N, V] and int32 targets [N], got ` +
        `${logits?.dtype} [${logits?.shape}] and ${targets?.dtype} [${targets?.shape}]`,
    );
  }
  return [logits.shape[0], logits.shape[1]];
}

/** Forward and gradient kernels of `tokenLogProbs`, each one C pass over the logits. */
export function tokenLogProbsKernels(ctx: NativeKernelContext): KernelConfig[] {
  return [
    {
      kernelName: TOKEN_LOG_PROBS,
      backendName: ctx.backendName,
      kernelFunc: ({ inputs, backend }) => {
        const { logits, targets } = inputs;
        const [rows, vocab] = check(logits, targets);
        const memory = ctx.memory(backend);
        const out = memory.output([rows]); // [N]; before views
        ctx.addon.tokenLogProbs(
          memory.f32(logits!)!,
          memory.i32(targets!)!,
          out.values,
          rows,
          vocab,
        );
        return out.info;
      },
    },
    {
      kernelName: TOKEN_LOG_PROBS_GRAD,
      backendName: ctx.backendName,
      kernelFunc: ({ inputs, backend }) => {
        const { logits, targets, dy } = inputs;
        const [rows, vocab] = check(logits, targets, dy);
        if (!dy) throw new TypeError(`${TOKEN_LOG_PROBS_GRAD}: needs input dy [N]`);
        const memory = ctx.memory(backend);
        const dx = memory.output([rows, vocab]); // [N, V]; before views
        const [x, t, g] = [memory.f32(logits!)!, memory.i32(targets!)!, memory.f32(dy)!];
        ctx.addon.tokenLogProbsGrad(x, t, g, dx.values, rows, vocab);
        return dx.info;
      },
    },
  ];
}
