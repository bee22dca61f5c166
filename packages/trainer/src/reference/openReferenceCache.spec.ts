import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { PrefoptError } from '@prefopt/core';
import { useCpuBackend } from '@prefopt/testing';
import { Trainer } from '../loop/Trainer';
import { ArrayBatchStream } from '../test-support/ArrayBatchStream';
import { testObjectives } from '../test-support/testObjectives';
import { TinyLM } from '../test-support/TinyLM';
import { tinyPairs } from '../test-support/tinyPairs';
import { hashWeights } from './hashWeights';
import { openReferenceCache } from './openReferenceCache';

const PAIRS = tinyPairs(12);

describe('openReferenceCache', () => {
  beforeAll(useCpuBackend);

  it('computes once, then serves later runs (and other batchings) without running a model', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'prefopt-refcache-'));
    const model = new TinyLM(16, 8, 2);
    const identity = {
      weights: await hashWeights(model.trainableVariables),
      data: 'pairs-v1',
      tokenization: 'max 64',
    };
    let loads = 0;
    const open = (batchSize: number) =>
      openReferenceCache({
        dir,
        identity,
        model: () => (loads++, model),
        batches: () => ArrayBatchStream.batches(PAIRS, batchSize),
      });

    const first = await open(4);
    expect(first.computed).toBe(true);
    expect(model.calls).toBe(3); // 12 pairs / 4
    const second = await open(3);
    expect(second.computed).toBe(false);
    expect(loads).toBe(1);
    expect(model.calls).toBe(3);
    expect(readdirSync(dir)).toHaveLength(1);

    // cached values equal the model's own, for any batch of the same pairs
    const batch = ArrayBatchStream.batches(PAIRS.slice(5, 8), 3)[0];
    const fromCache = second.source.logps(batch);
    const direct = model.sequenceLogps(batch);
    expect(Array.from(fromCache.chosen.dataSync())).toEqual(
      Array.from(direct.logps.chosen.dataSync()),
    );
    expect(Array.from(fromCache.rejected.dataSync())).toEqual(
      Array.from(direct.logps.rejected.dataSync()),
    );
    tf.dispose([
      fromCache.chosen,
      fromCache.rejected,
      direct.logps.chosen,
      direct.logps.rejected,
      direct.lengths.chosen,
      direct.lengths.rejected,
    ]);

    // another tokenisation is another key: computed afresh
    const other = await openReferenceCache({
      dir,
      identity: { ...identity, tokenization: 'max 32' },
      model: () => model,
      batches: () => ArrayBatchStream.batches(PAIRS, 4),
    });
    expect(other.computed).toBe(true);
    expect(readdirSync(dir)).toHaveLength(2);
    model.dispose();
  });

  it('a second training run with a reference objective reuses the cache: no reference model runs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'prefopt-refcache-'));
    const losses: number[][] = [];
    for (let run = 0; run < 2; run++) {
      const policy = new TinyLM(16, 8, 4);
      const identity = {
        weights: await hashWeights(policy.trainableVariables),
        data: 'pairs-v1',
        tokenization: 'max 64',
      };
      const callsBefore = { n: 0 };
      const trainer = new Trainer({
        policy,
        objective: testObjectives.dpoLike({ beta: 0.5 }),
        train: new ArrayBatchStream(PAIRS, 4, 1),
        schedule: { lr: 0.05, warmupSteps: 0, decay: 'constant' },
        totalSteps: 4,
        reference: async () => {
          const opened = await openReferenceCache({
            dir,
            identity,
            model: () => policy,
            batches: () => ArrayBatchStream.batches(PAIRS, 4),
          });
          callsBefore.n = policy.calls;
          return opened.source;
        },
      });
      const rows: number[] = [];
      trainer.on('step', (m) => rows.push(m.loss));
      await trainer.run();
      // run 0: 3 precompute passes + 4 policy steps; run 1: only the 4 policy steps
      expect(policy.calls).toBe(run === 0 ? 3 + 4 : 4);
      losses.push(rows);
      trainer.dispose();
      policy.dispose();
    }
    expect(losses[1]).toEqual(losses[0]);
  });

  it('names the cache file when a pair is missing from it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'prefopt-refcache-'));
    const model = new TinyLM(16, 8, 2);
    const { source } = await openReferenceCache({
      dir,
      identity: { weights: 'w', data: 'd', tokenization: 't' },
      model: () => model,
      batches: () => ArrayBatchStream.batches(PAIRS.slice(0, 4), 4),
    });
    const unseen = ArrayBatchStream.batches(PAIRS.slice(8, 10), 2)[0];
    const error = (() => {
      try {
        source.logps(unseen);
      } catch (e) {
        return e;
      }
    })();
    expect(PrefoptError.is(error, 'data')).toBe(true);
    expect((error as Error).message).toMatch(
      /reference cache .*\.json has no entry.*Delete the file/,
    );
    model.dispose();
  });
});
