import { createNodeAdapter } from './createNodeAdapter';

/** The 'node' adapter over the installed `@tensorflow/tfjs-node`, if any. */
export const nodeAdapter = createNodeAdapter();
