import * as tf from '@tensorflow/tfjs';
import { createRegistry } from '@prefopt/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { wasmAdapter } from './wasmAdapter';
import { wasmBackendPlugin } from './wasmBackendPlugin';

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

  it('is listed in the package manifest as wasm', () => {
    const registry = createRegistry([wasmBackendPlugin]);
    expect(registry.names('backend')).toEqual(['wasm']);
    expect(registry.get('backend', 'wasm')).toBe(wasmAdapter);
  });
});
