import * as tf from '@tensorflow/tfjs';
import { BACKEND_ADAPTER, type BackendAdapter } from '@prefopt/core';
import { Container } from 'inversify';
import { describe, expect, it } from 'vitest';
import { cpuAdapter } from './cpuAdapter';
import { cpuBackendModule } from './cpuBackendModule';

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

  it('is bound under BACKEND_ADAPTER named cpu', async () => {
    const container = new Container();
    await container.load(cpuBackendModule);
    expect(container.get<BackendAdapter>(BACKEND_ADAPTER, { name: 'cpu' })).toBe(cpuAdapter);
  });
});
