import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';

interface WebgpuLike {
  device?: { limits?: { maxStorageBuffersPerShaderStage?: number } };
  disposeData(dataId: object): unknown;
}

/**
 * Wraps tfjs-backend-webgpu 4.22's `AddN`, which binds every input and the output as storage
 * buffers of one shader: above the device's `maxStorageBuffersPerShaderStage` (8 by WebGPU's
 * default limits) pipeline creation fails, so `tf.addN` of the gradient norms of a model's
 * 20 variables produced nothing. Sums at most limit − 1 inputs per call, carrying the partial
 * sum as the first input of the next: the same left-to-right order of additions.
 */
export function addNChunked(original: KernelConfig): KernelConfig {
  const kernelFunc = (args: Parameters<KernelFunc>[0]): TensorInfo => {
    const inputs = args.inputs as unknown as TensorInfo[];
    const backend = args.backend as WebgpuLike;
    const perCall = Math.max(2, (backend.device?.limits?.maxStorageBuffersPerShaderStage ?? 8) - 1);
    if (inputs.length <= perCall) return original.kernelFunc(args) as TensorInfo;
    let sum = original.kernelFunc({
      ...args,
      inputs: inputs.slice(0, perCall) as unknown as typeof args.inputs,
    }) as TensorInfo;
    for (let i = perCall; i < inputs.length; i += perCall - 1) {
      const part = [sum, ...inputs.slice(i, i + perCall - 1)];
      const next = original.kernelFunc({
        ...args,
        inputs: part as unknown as typeof args.inputs,
      }) as TensorInfo;
      backend.disposeData(sum.dataId);
      sum = next;
    }
    return sum;
  };
  // setupFunc/disposeFunc stay the original's.
  return { ...original, kernelFunc: kernelFunc as KernelFunc };
}
