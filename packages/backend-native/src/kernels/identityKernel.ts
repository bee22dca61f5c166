import type { KernelConfig, TensorInfo } from '@tensorflow/tfjs-core';
import type { NativeKernelContext } from './NativeKernelContext';

/** The members of a backend that shares storage between tensors by reference count. */
interface RefCounted {
  incRef(dataId: object): void;
}

/**
 * Identity without a copy: the output shares the input's storage (one more reference), as
 * tfjs's cpu backend and the wasm backend's own Reshape do. The wasm backend's Identity
 * copies, and the gradient tape runs one per saved tensor. Strings go to the original.
 */
export function identityKernel(ctx: NativeKernelContext): KernelConfig {
  const fallback = ctx.fallback('Identity');
  return {
    kernelName: 'Identity',
    backendName: ctx.backendName,
    kernelFunc: (args) => {
      const { x } = args.inputs as { x: TensorInfo };
      if (x.dtype === 'string') return fallback(args);
      (args.backend as RefCounted).incRef(x.dataId);
      return { dataId: x.dataId, shape: x.shape.slice(), dtype: x.dtype };
    },
  };
}
