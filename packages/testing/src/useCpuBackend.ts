import * as tf from '@tensorflow/tfjs';

/**
 * Makes the pure-JS cpu backend current, with every kernel and gradient registered
 * (importing `@tensorflow/tfjs` does that), and silences its Node.js banner.
 */
export async function useCpuBackend(): Promise<typeof tf> {
  tf.env().set('PROD', true);
  await tf.setBackend('cpu');
  await tf.ready();
  return tf;
}
