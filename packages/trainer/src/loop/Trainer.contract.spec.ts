import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import type { StepMetrics, TokenizedExample } from '@prefopt/core';
import { useCpuBackend } from '@prefopt/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { CheckpointStore } from '../checkpoint/CheckpointStore';
import { UnpairedBatchStream } from '@prefopt/data';
import { ModelReference } from '../reference/ModelReference';
import { ArrayBatchStream } from '../test-support/ArrayBatchStream';
import { contractObjectives } from '../test-support/contractObjectives';
import { testObjectives } from '../test-support/testObjectives';
import { TinyLM } from '../test-support/TinyLM';
import { tinyPairs } from '../test-support/tinyPairs';
import { Trainer } from './Trainer';
import type { TrainerOptions } from './TrainerOptions';

const PAIRS = tinyPairs(24);
const EXAMPLES: TokenizedExample[] = PAIRS.map((p, i) => ({
  prompt: p.prompt,
  completion: i % 2 ? p.rejected : p.chosen,
  label: i % 3 !== 0,
}));
const schedule = { lr: 0.05, warmupSteps: 1, decay: 'cosine' as const };

const collect = (t: Trainer) => {
  const rows: StepMetrics[] = [];
  t.on('step', (m) => rows.push(m));
  return rows;
};
const tinyStore = (dir: string, model: TinyLM) =>
  new CheckpointStore(dir, async (to) => {
    writeFileSync(
      join(to, 'weights.json'),
      JSON.stringify(model.weights().map((w) => Array.from(w))),
    );
  });
const loadTiny = (dir: string) =>
  new TinyLM(
    16,
    8,
    0,
    (JSON.parse(readFileSync(join(dir, 'weights.json'), 'utf8')) as number[][]).map((a) =>
      Float32Array.from(a),
    ),
  );
const withReference = (policy: TinyLM, extra: Partial<TrainerOptions>): TrainerOptions => ({
  policy,
  objective: testObjectives.dpoLike(),
  train: new ArrayBatchStream(PAIRS, 4, 7),
  reference: () => new ModelReference(new TinyLM(16, 8, 0)), // the initial policy, frozen
  schedule,
  totalSteps: 6,
  ...extra,
});

describe('Trainer, objective contract v2', () => {
  beforeAll(useCpuBackend);

  it('per-token inputs: a DPO written on tokens trains like DPO on sums (float32 rounding apart)', async () => {
    const runs: number[][] = [];
    for (const objective of [testObjectives.dpoLike(), contractObjectives.tokenDpoLike()]) {
      const policy = new TinyLM(16, 8, 0);
      const t = new Trainer(withReference(policy, { objective }));
      const rows = collect(t);
      await t.run();
      runs.push(rows.map((r) => r.loss));
      t.dispose();
      policy.dispose();
    }
    // TinyLM has no tokenLogps: the per-token path takes log-softmax over its logits, the
    // summed path TinyLM's own sequenceLogps, so the two agree up to float32 rounding.
    runs[1].forEach((l, i) => expect(Math.abs(l - runs[0][i])).toBeLessThan(1e-5));
    expect(runs[1][5]).not.toBe(runs[1][0]); // it trains
  });

  it('per-token inputs and logit statistics leave tf.memory().numTensors unchanged per step', async () => {
    const policy = new TinyLM(16, 8, 0);
    const t = new Trainer({
      policy,
      objective: contractObjectives.squaredMassWeighted(),
      train: new ArrayBatchStream(PAIRS, 4, 7),
      schedule,
      totalSteps: 5,
    });
    const counts: number[] = [];
    t.on('step', () => counts.push(tf.memory().numTensors));
    const rows = collect(t);
    await t.run();
    expect(new Set(counts).size).toBe(1);
    expect(rows.every((r) => Number.isFinite(r.loss))).toBe(true);
    t.dispose();
    policy.dispose();
  });

  it('objective state: carried, checkpointed, and a resumed run equals the uninterrupted one', async () => {
    const out = mkdtempSync(join(tmpdir(), 'prefopt-contract-'));
    const opts = (policy: TinyLM, extra: Partial<TrainerOptions> = {}): TrainerOptions =>
      withReference(policy, {
        objective: contractObjectives.runningShift(),
        train: new UnpairedBatchStream(EXAMPLES, { batchSize: 4, seed: 3 }),
        totalSteps: 8,
        gradAccum: 2,
        ...extra,
      });
    const a = new TinyLM(16, 8, 0);
    const ta = new Trainer(opts(a, { checkpoints: tinyStore(out, a), saveEvery: 4 }));
    const rowsA = collect(ta);
    const counts: number[] = [];
    ta.on('step', () => counts.push(tf.memory().numTensors));
    await ta.run();
    expect(new Set(counts).size).toBe(1); // the carried state replaces itself, nothing leaks
    const ckpt = CheckpointStore.read(join(out, 'checkpoint-4'));
    // 4 steps × 2 micro-batches × 4 examples = 32 rewards seen
    expect(ckpt.state.objectiveState?.count).toBe(32);
    expect(Number.isFinite(ckpt.state.objectiveState?.mean)).toBe(true);

    const resume = async (state: typeof ckpt.state) => {
      const b = loadTiny(ckpt.dir);
      // the reference is the initial policy (a frozen copy made before training)
      const ref = new TinyLM(16, 8, 0);
      const tb = new Trainer({
        ...opts(b, { resume: { state, optimizer: ckpt.optimizer } }),
        reference: () => new ModelReference(ref),
      });
      const rows = collect(tb);
      await tb.run();
      tb.dispose();
      const w = b.weights();
      b.dispose();
      return { losses: rows.map((r) => r.loss), w };
    };
    const resumed = await resume(ckpt.state);
    expect(resumed.losses).toEqual(rowsA.slice(4).map((r) => r.loss));
    expect(resumed.w).toEqual(a.weights());
    // without the saved state the run differs: the state is what makes them equal
    const { objectiveState: _dropped, ...stateless } = ckpt.state;
    const fresh = await resume(stateless);
    expect(fresh.losses).not.toEqual(rowsA.slice(4).map((r) => r.loss));
    ta.dispose();
    a.dispose();
  });
});
