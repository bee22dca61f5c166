import * as tf from '@tensorflow/tfjs';

/**
 * Makes the pure-JS cpu backend current, with every kernel and gradient registered
 * (importing `@tensorflow/tfjs` does that), and silences its Node.js banner. Under
 * PREFOPT_SPEC_BACKEND=node (vitest's 'objectives@node' project, whose setup file has
 * started tfjs-node) it makes tfjs-node's 'tensorflow' backend current instead.
 */
export async function useCpuBackend(): Promise<typeof tf> {
  tf.env().set('PROD', true);
  await tf.setBackend(process.env.PREFOPT_SPEC_BACKEND === 'node' ? 'tensorflow' : 'cpu');
  await tf.ready();
  return tf;
}
