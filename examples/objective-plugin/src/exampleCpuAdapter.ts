import type { BackendAdapter } from '@prefopt/core';
import { PrefoptError } from '@prefopt/core';

/** The tfjs backend name this plugin registers. */
export const EXAMPLE_CPU_BACKEND = 'example-cpu';

/**
 * Backend `example-cpu`: TensorFlow.js's pure-JS cpu kernels registered under a name of
 * their own, with priority 45, so `--backend auto` ranks it above node (30) and below
 * node-gpu (50). A model of a plugin backend, not a fast one: a real plugin would register
 * its own kernels (a new device, a faster matmul) the same way.
 */
export const exampleCpuAdapter: BackendAdapter = Object.freeze({
  name: EXAMPLE_CPU_BACKEND,
  priority: 45,

  async isAvailable(): Promise<boolean> {
    return true;
  },

  async activate(): Promise<void> {
    // '@tensorflow/tfjs' registers every gradient and the cpu kernels we copy.
    const tf = await import('@tensorflow/tfjs');
    const { MathBackendCPU } = await import('@tensorflow/tfjs-backend-cpu');
    tf.env().set('PROD', true);
    if (!tf.findBackendFactory(EXAMPLE_CPU_BACKEND)) {
      for (const config of tf.getKernelsForBackend('cpu'))
        tf.registerKernel({ ...config, backendName: EXAMPLE_CPU_BACKEND });
      // tfjs priority 0: tfjs never picks it on its own; prefopt asks for it by name.
      tf.registerBackend(EXAMPLE_CPU_BACKEND, () => new MathBackendCPU(), 0);
    }
    if (!(await tf.setBackend(EXAMPLE_CPU_BACKEND))) {
      throw new PrefoptError('backend', `backend '${EXAMPLE_CPU_BACKEND}' failed to start.`);
    }
    await tf.ready();
  },

  async deviceInfo() {
    return {
      description: "tfjs cpu kernels (plugin 'prefopt-objective-tanh-margin')",
      software: false,
    };
  },
});
