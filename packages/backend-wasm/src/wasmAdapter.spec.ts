import * as tf from '@tensorflow/tfjs';
import { BACKEND_ADAPTER, type BackendAdapter } from '@prefopt/core';
import { Container } from 'inversify';
import { beforeAll, describe, expect, it } from 'vitest';
import { wasmAdapter } from './wasmAdapter';
import { wasmBackendModule } from './wasmBackendModule';

describe('wasmAdapter', () => {
  beforeAll(async () => {
    expect(await wasmAdapter.isAvailable()).toBe(true);
    await wasmAdapter.activate();
  });

  it('makes wasm the current backend, with SIMD', async () => {
    expect(tf.getBackend()).toBe('wasm');
    expect(await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT')).toBe(true);
    expect(await wasmAdapter.deviceInfo?.()).toEqual({
      description: 'WebAssembly SIMD, 1 thread',
      software: false,
    });
  });

  it('activates twice without error', async () => {
    await wasmAdapter.activate();
    expect(tf.getBackend()).toBe('wasm');
  });

  it('is bound under BACKEND_ADAPTER named wasm', async () => {
    const container = new Container();
    await container.load(wasmBackendModule);
    expect(container.get<BackendAdapter>(BACKEND_ADAPTER, { name: 'wasm' })).toBe(wasmAdapter);
  });
});
