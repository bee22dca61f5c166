// vitest setup file of the 'objectives@node' project (vitest.config.ts): starts tfjs-node's
// 'tensorflow' backend, with prefopt's kernel fixes, before each objective spec file;
// useCpuBackend() of @prefopt/testing then selects it (PREFOPT_SPEC_BACKEND=node).
import * as tf from '@tensorflow/tfjs';
import { afterEach, expect } from 'vitest';
import { nodeAdapter } from '../nodeAdapter';

await nodeAdapter.activate({ threads: 1 });

// Every test of the project really ran on tfjs-node.
afterEach(() => {
  expect(tf.getBackend()).toBe('tensorflow');
});
