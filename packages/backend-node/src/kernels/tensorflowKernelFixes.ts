import type { KernelBackend, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import { getKernel } from '@tensorflow/tfjs-core';
import { replaceKernel } from './replaceKernel';

const BACKEND = 'tensorflow';

/** Runs one of the tensorflow backend's own kernels. */
function run(name: string, args: Parameters<KernelFunc>[0]): TensorInfo {
  return getKernel(name, BACKEND)!.kernelFunc(args) as TensorInfo;
}

/**
 * `Round` of an int32 tensor is the tensor itself. TensorFlow ≥ 2.17's Round kernel for
 * integers returns zeros (tensorflow/tensorflow#74789), which tfjs-node 4.22 passes on when
 * built against a newer C library than its 2.9: answered with Identity instead.
 */
export const roundInt32: (original: KernelFunc) => KernelFunc = (original) => (args) => {
  const x = args.inputs.x as TensorInfo;
  return x.dtype === 'int32' ? run('Identity', { ...args, inputs: { x } }) : original(args);
};

/**
 * `Concat` of scalars: TF 2.9's ConcatV2 gave the vector of them, newer TF rejects rank-0
 * inputs (tfjs-node's own TensorBoard histogram relies on it). Scalars are reshaped to [1]
 * and concatenated on axis 0, as before.
 */
export const concatScalars: (original: KernelFunc) => KernelFunc = (original) => (args) => {
  const inputs = args.inputs as unknown as TensorInfo[];
  if (inputs.length === 0 || inputs.some((t) => t.shape.length !== 0)) return original(args);
  const vectors = inputs.map((x) =>
    run('Reshape', { ...args, inputs: { x }, attrs: { shape: [1] } }),
  ); // each [1]
  try {
    return original({ ...args, inputs: vectors as never, attrs: { ...args.attrs, axis: 0 } }); // [n]
  } finally {
    const backend = args.backend as KernelBackend;
    for (const v of vectors) backend.disposeData(v.dataId);
  }
};

/**
 * Makes tfjs-node's 'tensorflow' backend answer as it does over TF 2.9 when its binding is
 * built against a newer TensorFlow C library (2.21 from pip's wheel). Call after
 * `@tensorflow/tfjs-node` is imported; idempotent.
 */
export function registerTensorflowKernelFixes(): void {
  replaceKernel('Round', BACKEND, roundInt32);
  replaceKernel('Concat', BACKEND, concatScalars);
}
