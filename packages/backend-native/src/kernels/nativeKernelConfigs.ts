import type { KernelConfig } from '@tensorflow/tfjs-core';
import { batchMatMulKernel } from './batchMatMulKernel';
import { fusedMatMulKernel } from './fusedMatMulKernel';
import { identityKernel } from './identityKernel';
import type { NativeKernelContext } from './NativeKernelContext';
import { reverseKernel } from './reverseKernel';
import { rmsNormKernels } from './rmsNormKernels';
import { scaledMaskedSoftmaxKernels } from './scaledMaskedSoftmaxKernels';
import { softmaxKernel } from './softmaxKernel';
import { stackKernels } from './stackKernels';
import { tokenLogProbsKernels } from './tokenLogProbsKernels';

/** Every kernel the native addon replaces or adds, for one backend. */
export function nativeKernelConfigs(ctx: NativeKernelContext): KernelConfig[] {
  return [
    batchMatMulKernel(ctx),
    fusedMatMulKernel(ctx),
    softmaxKernel(ctx),
    reverseKernel(ctx),
    identityKernel(ctx),
    ...stackKernels(ctx),
    ...tokenLogProbsKernels(ctx),
    ...rmsNormKernels(ctx),
    ...scaledMaskedSoftmaxKernels(ctx),
  ];
}
