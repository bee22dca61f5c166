import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createModel } from '@prefopt/model';
import { useCpuBackend } from '@prefopt/testing';
import { namedVariables } from '../checkpoint/namedVariables';
import { TinyLM } from '../test-support/TinyLM';
import { frozenCopy } from './frozenCopy';

const CONFIG = { dim: 8, hiddenDim: 16, layers: 1, heads: 2, kvHeads: 1, vocab: 12, seqLen: 8 };

describe('the reference through the CausalLM contract', () => {
  beforeAll(useCpuBackend);

  it('frozenCopy: a model without CausalLM.frozenCopy is a config error naming the fix', () => {
    const tiny = new TinyLM(12, 4, 1);
    expect(() => frozenCopy(tiny)).toThrow(
      expect.objectContaining({
        kind: 'config',
        message: expect.stringMatching(/TinyLM.*frozenCopy/),
      }),
    );
    tiny.dispose();
  });

  it('frozenCopy: new non-trainable variables holding the weights as they are now', () => {
    const policy = createModel(CONFIG, { seed: 3 });
    const before = tf.memory().numTensors;
    const copy = frozenCopy(policy);
    expect(copy).not.toBe(policy);
    expect(copy.trainableVariables).toHaveLength(policy.trainableVariables.length);
    copy.trainableVariables.forEach((v, i) => {
      expect(v.trainable).toBe(false);
      expect(v).not.toBe(policy.trainableVariables[i]);
      expect(Array.from(v.dataSync())).toEqual(Array.from(policy.trainableVariables[i].dataSync()));
    });
    // later policy updates do not reach the copy
    tf.tidy(() => policy.trainableVariables[0].assign(tf.zerosLike(policy.trainableVariables[0])));
    expect(copy.trainableVariables[0].dataSync().some((x) => x !== 0)).toBe(true);
    copy.dispose();
    expect(tf.memory().numTensors).toBe(before);
    policy.dispose();
  });

  it("namedVariables: the model's own weight names where it has them, else the variable's", () => {
    const policy = createModel(CONFIG, { seed: 3 });
    const names = namedVariables(policy).map(([name]) => name);
    expect(names).toContain('layers.0.wq');
    expect(names[0]).toBe('embedding');
    const tiny = new TinyLM(12, 4, 1);
    expect(namedVariables(tiny).map(([name]) => name)).toEqual(
      tiny.trainableVariables.map((v) => v.name),
    );
    tiny.dispose();
    policy.dispose();
  });
});
