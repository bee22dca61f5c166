import * as tf from '@tensorflow/tfjs';
import { createRegistry } from '@prefopt/core';
import { createModel } from '@prefopt/model';
import { describeBackend, backendTestBatch } from '@prefopt/testing';
import { describe, expect, it } from 'vitest';
import { loadNativeAddon } from './addon/loadNativeAddon';
import { nativeAdapter } from './nativeAdapter';
import { nativeBackendPlugin } from './nativeBackendPlugin';

const tiny = { dim: 16, hiddenDim: 40, layers: 2, heads: 4, kvHeads: 2, vocab: 32, seqLen: 8 };

// Every op check and a small GQA model (logits, sequence log-probs, all weight gradients)
// against the plain cpu backend.
describeBackend(nativeAdapter, {
  model: { create: () => createModel(tiny, { seed: 3 }), batch: backendTestBatch(tiny.vocab) },
});

describe('nativeAdapter', () => {
  it('is listed in the package manifest as native and native-cpu', () => {
    const registry = createRegistry([nativeBackendPlugin]);
    expect(registry.names('backend')).toEqual(['native', 'native-cpu']);
    expect(registry.get('backend', 'native')).toBe(nativeAdapter);
  });

  it('reports availability together with the reason when the addon is missing', async () => {
    const load = loadNativeAddon();
    expect(await nativeAdapter.isAvailable()).toBe(load.addon !== undefined);
    if (load.addon) {
      expect(nativeAdapter.unavailableReason()).toBeUndefined();
      expect((await nativeAdapter.deviceInfo?.())?.description).toMatch(/OpenBLAS/);
    } else {
      expect(nativeAdapter.unavailableReason()).toMatch(/npm run build:native/);
      await expect(nativeAdapter.activate()).rejects.toThrow(/backend 'native' is unavailable/);
    }
  });

  it.skipIf(!loadNativeAddon().addon)(
    'runs on the wasm backend with the native kernels in place',
    async () => {
      await nativeAdapter.activate({ threads: 1 });
      expect(tf.getBackend()).toBe('wasm');
      expect(tf.getKernel('PrefoptTokenLogProbs', 'wasm')).toBeDefined();
    },
  );
});
