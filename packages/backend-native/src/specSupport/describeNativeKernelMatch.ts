import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadNativeAddon } from '../addon/loadNativeAddon';
import { nativeAdapter } from '../nativeAdapter';
import { nativeCpuAdapter } from '../nativeCpuAdapter';

/** One fused model op checked against its unfused tfjs reference, per native adapter. */
export interface NativeKernelMatch {
  /** The describe title. */
  suite: string;
  /** The test title, after the adapter's name. */
  claim: string;
  /** The kernel the adapter must register for its backend. */
  kernelName: string;
  /** Values (and gradients) of the unfused reference; run under the cpu backend. */
  reference: () => number[][];
  /** The same values of the fused op; run under the native backend. */
  fused: () => number[][];
  /** Asserts `actual` (fused) matches `expected` (reference). */
  expectClose: (actual: number[][], expected: number[][]) => void;
}

/**
 * Declares the suite shared by the fused-kernel specs: for `nativeAdapter` (wasm) and
 * `nativeCpuAdapter` (native-cpu), the fused op matches the cpu reference, its kernel is
 * registered, and running it leaves `tf.memory().numTensors` unchanged. Skips without the addon.
 */
export function describeNativeKernelMatch(c: NativeKernelMatch): void {
  const native = loadNativeAddon().addon !== undefined;
  describe(c.suite, () => {
    beforeAll(async () => {
      tf.env().set('PROD', true);
      await tf.setBackend('cpu');
    });
    afterAll(async () => {
      await tf.setBackend('cpu');
    });

    for (const [adapter, backend] of [
      [nativeAdapter, 'wasm'],
      [nativeCpuAdapter, 'native-cpu'],
    ] as const) {
      it.skipIf(!native)(`${adapter.name} ${c.claim}`, async () => {
        await tf.setBackend('cpu');
        const expected = c.reference();
        await adapter.activate();
        await tf.setBackend(backend);
        expect(tf.getKernel(c.kernelName, backend)).toBeDefined();
        const before = tf.memory().numTensors;
        const actual = c.fused();
        expect(tf.memory().numTensors).toBe(before);
        c.expectClose(actual, expected);
      });
    }
  });
}
