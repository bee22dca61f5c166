import * as tf from '@tensorflow/tfjs';
import { wasmAdapter } from '@prefopt/backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { tokenLogProbs } from '@prefopt/model';
import { PrefoptTokenLogProbs } from '@prefopt/core';
import { expectRowsClose } from './specSupport/expectRowsClose';
import { runTokenLogProbsCase } from './specSupport/runTokenLogProbsCase';
import { unfusedTokenLogProbs } from './specSupport/unfusedTokenLogProbs';

// Plain wasm (no native kernels in this process): the composite path. Guards against wasm
// 4.22's OneHot, which ignores dtype float32 (1 becomes 1.4e-45).
describe('tokenLogProbs on plain wasm', () => {
  beforeAll(async () => {
    tf.env().set('PROD', true);
  });

  it('matches the unfused cpu reference in values and gradient', async () => {
    await tf.setBackend('cpu');
    const expected = runTokenLogProbsCase(unfusedTokenLogProbs);
    await wasmAdapter.activate();
    expect(tf.getBackend()).toBe('wasm');
    expect(tf.getKernel(PrefoptTokenLogProbs, 'wasm')).toBeUndefined();
    const before = tf.memory().numTensors;
    const actual = runTokenLogProbsCase(tokenLogProbs);
    expect(tf.memory().numTensors).toBe(before);
    expectRowsClose(actual, expected, 1e-5);
  });
});
