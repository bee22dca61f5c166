import * as tf from '@tensorflow/tfjs';
import { createModel } from '@prefopt/model';
import { describeBackend, backendTestBatch } from '@prefopt/testing';
import { describe, expect, it } from 'vitest';
import { loadNativeAddon } from './addon/loadNativeAddon';
import { nativeCpuAdapter } from './nativeCpuAdapter';

const tiny = { dim: 16, hiddenDim: 40, layers: 2, heads: 4, kvHeads: 2, vocab: 32, seqLen: 8 };

describeBackend(nativeCpuAdapter, {
  model: { create: () => createModel(tiny, { seed: 3 }), batch: backendTestBatch(tiny.vocab) },
});

describe('nativeCpuAdapter', () => {
  it.skipIf(!loadNativeAddon().addon)(
    'runs as tfjs backend native-cpu, leaving cpu untouched',
    async () => {
      await nativeCpuAdapter.activate({ threads: 1 });
      expect(tf.getBackend()).toBe('native-cpu');
      expect(tf.getKernel('PrefoptTokenLogProbs', 'native-cpu')).toBeDefined();
      expect(tf.getKernel('PrefoptTokenLogProbs', 'cpu')).toBeUndefined();
    },
  );
});
