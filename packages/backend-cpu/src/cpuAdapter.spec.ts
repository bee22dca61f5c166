import * as tf from '@tensorflow/tfjs';
import { createRegistry } from '@prefopt/core';
import { describe, expect, it } from 'vitest';
import { cpuAdapter } from './cpuAdapter';
import { cpuBackendPlugin } from './cpuBackendPlugin';

describe('cpuAdapter', () => {
  it('is always available and makes cpu the current backend', async () => {
    expect(await cpuAdapter.isAvailable()).toBe(true);
    await cpuAdapter.activate();
    expect(tf.getBackend()).toBe('cpu');
    // 1·3 + 2·4 = 11
    const y = tf.dot(tf.tensor1d([1, 2]), tf.tensor1d([3, 4]));
    expect(await y.data()).toEqual(new Float32Array([11]));
    y.dispose();
  });

  it('is listed in the package manifest as cpu', () => {
    const registry = createRegistry([cpuBackendPlugin]);
    expect(registry.names('backend')).toEqual(['cpu']);
    expect(registry.get('backend', 'cpu')).toBe(cpuAdapter);
  });
});
