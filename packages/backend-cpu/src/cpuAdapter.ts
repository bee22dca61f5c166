import type { BackendAdapter } from '@prefopt/core';
import { PrefoptError } from '@prefopt/core';

/**
 * TensorFlow.js's pure-JS backend: always present, slowest; the last resort of
 * `--backend auto`. Single-threaded, so `threads` is ignored.
 */
export const cpuAdapter: BackendAdapter = Object.freeze({
  name: 'cpu',
  priority: 10,

  async isAvailable(): Promise<boolean> {
    return true;
  },

  async activate(): Promise<void> {
    // '@tensorflow/tfjs' registers every gradient and the cpu kernels.
    const tf = await import('@tensorflow/tfjs');
    tf.env().set('PROD', true); // silences the "use tfjs-node" banner of the cpu backend in Node
    if (!(await tf.setBackend('cpu'))) {
      throw new PrefoptError(
        'backend',
        `backend 'cpu' failed to start. Reinstall @tensorflow/tfjs@4.22.0.`,
      );
    }
    await tf.ready();
  },

  async deviceInfo() {
    return { description: 'pure JavaScript, 1 thread', software: false };
  },
});
