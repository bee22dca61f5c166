import type { KernelConfig, KernelFunc } from '@tensorflow/tfjs-core';
import { getKernel, registerKernel, unregisterKernel } from '@tensorflow/tfjs-core';
import { leverEnabled } from '@prefopt/core';
import { matMulGradKernels } from './matMulGradKernel';
import { rmsNormKernels } from './rmsNormKernels';
import { scaledMaskedSoftmaxKernels } from './scaledMaskedSoftmaxKernels';
import { tokenLogProbsKernels } from './tokenLogProbsKernels';

/** The fused-op levers of the 'tensorflow' backend, by lever name (docs/performance.md). */
export const nodeFusedLevers: Readonly<Record<string, readonly KernelConfig[]>> = {
  'node-fused-logprobs': tokenLogProbsKernels,
  'node-fused-rmsnorm': rmsNormKernels,
  'node-fused-softmax': scaledMaskedSoftmaxKernels,
  'node-matmul-transpose-flags': matMulGradKernels,
};

const ours = new Set<KernelFunc>(
  Object.values(nodeFusedLevers).flatMap((configs) => configs.map((c) => c.kernelFunc)),
);

/**
 * Registers the `Prefopt*` kernels of every lever `leverEnabled` leaves on (the
 * `PREFOPT_LEVERS` environment variable) on the 'tensorflow' backend, and unregisters
 * those of levers switched off, so the model's ops take their plain tfjs path. Called when
 * the node adapter activates; call again after changing `PREFOPT_LEVERS` in-process.
 * Leaves kernels of the same name that this package did not register alone.
 */
export function syncNodeFusedKernels(): void {
  for (const [lever, configs] of Object.entries(nodeFusedLevers)) {
    const on = leverEnabled(lever);
    for (const config of configs) {
      const current = getKernel(config.kernelName, config.backendName);
      if (on && !current) registerKernel(config);
      if (!on && current && ours.has(current.kernelFunc)) {
        unregisterKernel(config.kernelName, config.backendName);
      }
    }
  }
}
