import { createNodeGpuAdapter } from './createNodeGpuAdapter';

/** The 'node-gpu' adapter over the installed `@tensorflow/tfjs-node-gpu`, if any. */
export const nodeGpuAdapter = createNodeGpuAdapter();
