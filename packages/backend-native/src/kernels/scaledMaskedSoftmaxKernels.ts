import type { KernelConfig } from '@tensorflow/tfjs-core';
import { PrefoptScaledMaskedSoftmax, PrefoptScaledMaskedSoftmaxGrad } from '@prefopt/core';
import type { NativeKernelContext } from './NativeKernelContext';
import { sizeOf } from './TensorMemory';

/** Forward and gradient kernels of `scaledMaskedSoftmax`: one C pass over the rows each. */
export function scaledMaskedSoftmaxKernels(ctx: NativeKernelContext): KernelConfig[] {
  return [
    {
      kernelName: PrefoptScaledMaskedSoftmax,
      backendName: ctx.backendName,
      kernelFunc: ({ inputs, backend, attrs }) => {
        const { x, mask } = inputs;
        const ok =
          x?.dtype === 'float32' &&
          mask?.dtype === 'float32' &&
          x.shape.length === 3 &&
          mask.shape.join() === x.shape.slice(1).join();
        if (!ok) {
          throw new TypeError(
            `${PrefoptScaledMaskedSoftmax}: needs float32 x [S, Tq, Tk] and mask [Tq, Tk], got [${x?.shape}] and [${mask?.shape}]`,
          );
        }
        const [, tq, tk] = x.shape;
        const memory = ctx.memory(backend);
        const scale = (attrs as { scale: number }).scale;
        const rows = sizeOf(x.shape.slice(0, -1)); // S·Tq
        const [y] = memory.compute([x.shape], ([yv], v) => {
          // [S, Tq, Tk] x, [Tq, Tk] mask → [S, Tq, Tk]
          ctx.addon.scaledMaskedSoftmax(v.f32(x), v.f32(mask), scale, yv, rows, tq, tk);
        });
        return y;
      },
    },
    {
      kernelName: PrefoptScaledMaskedSoftmaxGrad,
      backendName: ctx.backendName,
      kernelFunc: ({ inputs, backend, attrs }) => {
        const { y, dy } = inputs;
        if (
          y?.dtype !== 'float32' ||
          dy?.dtype !== 'float32' ||
          y.shape.join() !== dy.shape.join()
        ) {
          throw new TypeError(
            `${PrefoptScaledMaskedSoftmaxGrad}: needs float32 y and dy of one shape`,
          );
        }
        const tk = y.shape[y.shape.length - 1];
        const memory = ctx.memory(backend);
        const scale = (attrs as { scale: number }).scale;
        const rows = sizeOf(y.shape.slice(0, -1));
        const [dx] = memory.compute([y.shape], ([dxv], v) => {
          ctx.addon.scaledMaskedSoftmaxGrad(v.f32(y), v.f32(dy), scale, dxv, rows, tk);
        });
        return dx;
      },
    },
  ];
}
