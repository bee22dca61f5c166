import * as tf from '@tensorflow/tfjs';
import { PrefoptTokenLogProbs, PrefoptTokenLogProbsGrad } from '@prefopt/core';
import { describe, expect, it } from 'vitest';
import { loadNativeAddon } from '../addon/loadNativeAddon';
import { nativeAdapter } from '../nativeAdapter';
import { nativeCpuAdapter } from '../nativeCpuAdapter';

const load = loadNativeAddon();

/** Tensor storage the backend holds (the cpu and wasm backends both count their data ids). */
const dataIds = () => (tf.backend() as unknown as { numDataIds(): number }).numDataIds();

describe.skipIf(!load.addon)('a native kernel whose addon call throws', () => {
  for (const [adapter, backend] of [
    [nativeAdapter, 'wasm'],
    [nativeCpuAdapter, 'native-cpu'],
  ] as const) {
    it(`${adapter.name}: passes the addon's named error on and frees its outputs`, async () => {
      await adapter.activate();
      await tf.setBackend(backend);
      const logits = tf.tensor2d([0, 1, 2, 3, 4, 5], [2, 3]); // [N = 2, V = 3]
      const targets = tf.tensor1d([1, 3], 'int32'); // id 3 is outside [0, 3)
      const dy = tf.tensor1d([1, 1]);
      const before = dataIds();
      expect(() => tf.engine().runKernel(PrefoptTokenLogProbs, { logits, targets })).toThrow(
        /^prefopt_native\.tokenLogProbs: targets\[1\] = 3 is outside \[0, vocab = 3\)/,
      );
      expect(() =>
        tf.engine().runKernel(PrefoptTokenLogProbsGrad, { logits, targets, dy }),
      ).toThrow(/^prefopt_native\.tokenLogProbsGrad: targets\[1\] = 3/);
      expect(dataIds()).toBe(before);
      tf.dispose([logits, targets, dy]);
    });
  }
});
