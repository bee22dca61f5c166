import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useCpuBackend } from '@prefopt/testing';
import { ModelReference } from '../reference/ModelReference';
import { ArrayBatchStream } from '../test-support/ArrayBatchStream';
import { testObjectives } from '../test-support/testObjectives';
import { TinyLM } from '../test-support/TinyLM';
import { tinyPairs } from '../test-support/tinyPairs';
import { evaluate } from './evaluate';

describe('evaluate', () => {
  beforeAll(useCpuBackend);

  it('gives eval/ metrics over all held-out pairs, with no tensors left behind', async () => {
    const policy = new TinyLM(16, 8, 6);
    const reference = new ModelReference(new TinyLM(16, 8, 6));
    const pairs = tinyPairs(7);
    const batches = ArrayBatchStream.batches(pairs, 3); // 3 + 3 + 1 pairs
    const before = tf.memory().numTensors;
    const m = await evaluate(9, policy, testObjectives.dpoLike(), batches, reference);
    expect(tf.memory().numTensors).toBe(before);
    // policy = reference: every reward and margin is 0, every loss −log σ(0) = log 2
    expect(m.step).toBe(9);
    expect(m['eval/loss']).toBeCloseTo(Math.LN2, 6);
    expect(m['eval/rewards/margins']).toBe(0);
    expect(m['eval/rewards/accuracies']).toBe(0); // 0 > 0 is false
    // logps/chosen: the mean of the policy's summed chosen log-probs over the 7 pairs
    const direct = policy.sequenceLogps(ArrayBatchStream.batches(pairs, 7)[0]);
    const want = tf.tidy(() => tf.mean(direct.logps.chosen).dataSync()[0]);
    expect(m['eval/logps/chosen']).toBeCloseTo(want, 5);
    tf.dispose([
      direct.logps.chosen,
      direct.logps.rejected,
      direct.lengths.chosen,
      direct.lengths.rejected,
    ]);
    policy.dispose();
    reference.dispose();
  });
});
