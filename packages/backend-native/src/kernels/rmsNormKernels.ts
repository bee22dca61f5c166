import type { KernelConfig, TensorInfo } from '@tensorflow/tfjs-core';
import { PrefoptRmsNorm, PrefoptRmsNormGrad } from '@prefopt/core';
import type { NativeKernelContext } from './NativeKernelContext';

function shape(x?: TensorInfo, weight?: TensorInfo): [number, number] {
  const ok =
    x?.dtype === 'float32' &&
    x.shape.length === 2 &&
    weight?.dtype === 'float32' &&
    weight.shape.length === 1 &&
    weight.shape[0] === x.shape[1];
  if (!ok) {
    throw new TypeError(
      `${PrefoptRmsNorm}: needs float32 x [M, D] and weight [D], got [${x?.shape}] and [${weight?.shape}]`,
    );
  }
  return [x.shape[0], x.shape[1]];
}

/** Forward and gradient kernels of `rmsNorm`: one C pass over the rows each. */
export function rmsNormKernels(ctx: NativeKernelContext): KernelConfig[] {
  return [
    {
      kernelName: PrefoptRmsNorm,
      backendName: ctx.backendName,
      kernelFunc: ({ inputs, backend, attrs }) => {
        const { x, weight } = inputs;
        const [rows, cols] = shape(x, weight);
        const memory = ctx.memory(backend);
        const eps = (attrs as { eps: number }).eps;
        const [y] = memory.compute([[rows, cols]], ([yv], v) => {
          ctx.addon.rmsNorm(v.f32(x!), v.f32(weight!), eps, yv, rows, cols); // [M, D]
        });
        return y;
      },
    },
    {
      kernelName: PrefoptRmsNormGrad,
      backendName: ctx.backendName,
      kernelFunc: ({ inputs, backend, attrs }) => {
        const { x, weight, dy } = inputs;
        const [rows, cols] = shape(x, weight);
        if (dy?.dtype !== 'float32' || dy.shape.join() !== x!.shape.join()) {
          throw new TypeError(`${PrefoptRmsNormGrad}: dy must be float32 [${x!.shape}]`);
        }
        const memory = ctx.memory(backend);
        const eps = (attrs as { eps: number }).eps;
        const [dx, dw] = memory.compute([[rows, cols], [cols]], ([dxv, dwv], v) => {
          // dx [M, D], dw [D]
          ctx.addon.rmsNormGrad(v.f32(x!), v.f32(weight!), v.f32(dy), eps, dxv, dwv, rows, cols);
        });
        return [dx, dw];
      },
    },
  ];
}
