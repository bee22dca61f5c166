import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { PrefoptError, type StepMetrics } from '@prefopt/core';
import { useCpuBackend } from '@prefopt/testing';
import { CheckpointStore } from '../checkpoint/CheckpointStore';
import { ModelReference } from '../reference/ModelReference';
import { ArrayBatchStream } from '../test-support/ArrayBatchStream';
import { testObjectives } from '../test-support/testObjectives';
import { TinyLM } from '../test-support/TinyLM';
import { tinyPairs } from '../test-support/tinyPairs';
import { Trainer } from './Trainer';
import type { TrainerOptions } from './TrainerOptions';

const PAIRS = tinyPairs(24);
const schedule = { lr: 0.05, warmupSteps: 1, decay: 'cosine' as const };

function tinyStore(dir: string, model: TinyLM): CheckpointStore {
  return new CheckpointStore(dir, async (to) => {
    writeFileSync(
      join(to, 'weights.json'),
      JSON.stringify(model.weights().map((w) => Array.from(w))),
    );
  });
}
function loadTiny(dir: string): TinyLM {
  const w = JSON.parse(readFileSync(join(dir, 'weights.json'), 'utf8')) as number[][];
  return new TinyLM(
    16,
    8,
    0,
    w.map((a) => Float32Array.from(a)),
  );
}
function collect(trainer: Trainer): StepMetrics[] {
  const rows: StepMetrics[] = [];
  trainer.on('step', (m) => rows.push(m));
  return rows;
}
function base(policy: TinyLM, extra: Partial<TrainerOptions> = {}): TrainerOptions {
  return {
    policy,
    objective: testObjectives.simpoLike(),
    train: new ArrayBatchStream(PAIRS, 4, 7),
    schedule,
    totalSteps: 12,
    ...extra,
  };
}

describe('Trainer', () => {
  beforeAll(useCpuBackend);

  it('reference-free: never asks for a reference and runs the policy once per micro-batch', async () => {
    const policy = new TinyLM(16, 8, 0);
    let referenceAsked = 0;
    const trainer = new Trainer(
      base(policy, {
        gradAccum: 2,
        reference: () => {
          referenceAsked += 1;
          throw new Error('must not be called');
        },
      }),
    );
    const rows = collect(trainer);
    await trainer.run();
    expect(trainer.requiresReference).toBe(false);
    expect(referenceAsked).toBe(0);
    expect(policy.calls).toBe(12 * 2);
    expect(rows.map((r) => r.step)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    // the loss falls: mean of the last three steps below the first
    const last = (rows[9].loss + rows[10].loss + rows[11].loss) / 3;
    expect(last).toBeLessThan(rows[0].loss);
    expect(rows[0].lr).toBe(0); // warmup: k/W with k = 0
    expect(rows[1].lr).toBeCloseTo(0.05, 10);
    trainer.dispose();
    policy.dispose();
  });

  it('with a reference: asks once, runs the frozen copy each micro-batch, leaves it unchanged', async () => {
    const policy = new TinyLM(16, 8, 0);
    const frozen = new TinyLM(16, 8, 0);
    const before = frozen.weights();
    const ref = new ModelReference(frozen);
    let asked = 0;
    const trainer = new Trainer(
      base(policy, {
        objective: testObjectives.dpoLike({ beta: 0.5 }),
        totalSteps: 5,
        reference: () => {
          asked += 1;
          return ref;
        },
      }),
    );
    const rows = collect(trainer);
    let unchanged = false;
    trainer.on(
      'step',
      (m) =>
        m.step === 5 &&
        (unchanged =
          JSON.stringify(frozen.weights().map((w) => Array.from(w))) ===
          JSON.stringify(before.map((w) => Array.from(w)))),
    );
    await trainer.run();
    expect(unchanged).toBe(true);
    expect(asked).toBe(1);
    expect(ref.calls).toBe(5);
    // first step: policy = reference, so rewards and margins are exactly 0 and loss = log 2
    expect(rows[0]['rewards/margins']).toBe(0);
    expect(rows[0].loss).toBeCloseTo(Math.LN2, 6);
    expect(rows[4]['rewards/margins']).toBeGreaterThan(0);
    expect(frozen.trainableVariables[0].isDisposed).toBe(true); // disposed with the run
    trainer.dispose();
    policy.dispose();
  });

  it('refuses a reference objective without a reference source', () => {
    const policy = new TinyLM(16, 8, 0);
    expect(() => new Trainer(base(policy, { objective: testObjectives.dpoLike() }))).toThrow(
      /requires a reference model/,
    );
    policy.dispose();
  });

  it('leaves tf.memory().numTensors unchanged after every one of 50 steps', async () => {
    const policy = new TinyLM(16, 8, 1);
    const frozen = new TinyLM(16, 8, 1);
    const trainer = new Trainer(
      base(policy, {
        objective: testObjectives.dpoLike(),
        totalSteps: 50,
        gradAccum: 2,
        reference: () => new ModelReference(frozen),
      }),
    );
    const counts: number[] = [];
    trainer.on('step', () => counts.push(tf.memory().numTensors));
    await trainer.run();
    expect(counts).toHaveLength(50);
    expect(new Set(counts).size).toBe(1);
    trainer.dispose();
    policy.dispose();
  });

  it('is deterministic: the same seed gives bit-identical losses', async () => {
    const losses: number[][] = [];
    for (let run = 0; run < 2; run++) {
      const policy = new TinyLM(16, 8, 3);
      const trainer = new Trainer(base(policy, { totalSteps: 6 }));
      const rows = collect(trainer);
      await trainer.run();
      losses.push(rows.map((r) => r.loss));
      trainer.dispose();
      policy.dispose();
    }
    expect(losses[1]).toEqual(losses[0]);
  });

  it('gradient accumulation of 2×2 pairs equals one batch of 4 pairs', async () => {
    const weights: Float32Array[][] = [];
    for (const [batch, accum] of [
      [4, 1],
      [2, 2],
    ]) {
      const policy = new TinyLM(16, 8, 0);
      const trainer = new Trainer(
        base(policy, {
          train: new ArrayBatchStream(PAIRS, batch, 7),
          gradAccum: accum,
          totalSteps: 2,
          maxGradNorm: 0,
        }),
      );
      await trainer.run();
      weights.push(policy.weights());
      trainer.dispose();
      policy.dispose();
    }
    weights[1].forEach((w, i) => w.forEach((x, j) => expect(x).toBeCloseTo(weights[0][i][j], 5)));
  });

  it('resumes from a mid-run checkpoint to the same loss and weights, bit for bit', async () => {
    const out = mkdtempSync(join(tmpdir(), 'prefopt-trainer-'));
    const a = new TinyLM(16, 8, 0);
    const ta = new Trainer(base(a, { checkpoints: tinyStore(out, a), saveEvery: 3, gradAccum: 2 }));
    const rowsA = collect(ta);
    await ta.run();
    expect(readdirSync(out).sort()).toEqual([
      'checkpoint-12',
      'checkpoint-3',
      'checkpoint-6',
      'checkpoint-9',
    ]);

    const ckpt = CheckpointStore.read(join(out, 'checkpoint-6'));
    expect(ckpt.state.step).toBe(6);
    const b = loadTiny(ckpt.dir);
    const tb = new Trainer(base(b, { gradAccum: 2, resume: ckpt }));
    const rowsB = collect(tb);
    await tb.run();
    expect(rowsB.map((r) => r.step)).toEqual([7, 8, 9, 10, 11, 12]);
    expect(rowsB.map((r) => r.loss)).toEqual(rowsA.slice(6).map((r) => r.loss));
    expect(b.weights()).toEqual(a.weights());
    [ta, tb].forEach((t) => t.dispose());
    [a, b].forEach((m) => m.dispose());
  });

  it('requestStop (SIGINT) writes a checkpoint, then fails with an interrupted error', async () => {
    const out = mkdtempSync(join(tmpdir(), 'prefopt-trainer-'));
    const policy = new TinyLM(16, 8, 0);
    const trainer = new Trainer(
      base(policy, { checkpoints: tinyStore(out, policy), saveEvery: 5 }),
    );
    const saved: string[] = [];
    trainer.on('checkpoint', (c) => saved.push(`${c.step}:${c.reason}`));
    trainer.on('step', (m) => m.step === 7 && trainer.requestStop());
    const error = await trainer.run().catch((e: unknown) => e);
    expect(PrefoptError.is(error, 'interrupted')).toBe(true);
    expect((error as Error).message).toMatch(
      /stopped at step 7; checkpoint written to .*checkpoint-7/,
    );
    expect(saved).toEqual(['5:interval', '7:interrupt']);
    expect(CheckpointStore.latest(out)).toBe(join(out, 'checkpoint-7'));
    trainer.dispose();
    policy.dispose();
  });

  it('a non-finite loss stops with a numeric error before the update and keeps the last good checkpoint', async () => {
    const out = mkdtempSync(join(tmpdir(), 'prefopt-trainer-'));
    const policy = new TinyLM(16, 8, 0);
    let steps = 0;
    const poisoned = {
      ...testObjectives.simpoLike(),
      compute: (inputs: Parameters<ReturnType<typeof testObjectives.simpoLike>['compute']>[0]) => {
        const o = testObjectives.simpoLike().compute(inputs);
        if (steps < 3) return o;
        const nan = tf.mul(o.loss, NaN) as tf.Scalar;
        o.loss.dispose();
        return { ...o, loss: nan };
      },
    };
    const trainer = new Trainer(
      base(policy, { objective: poisoned, checkpoints: tinyStore(out, policy), saveEvery: 1 }),
    );
    trainer.on('step', () => (steps += 1));
    const ends: string[] = [];
    trainer.on('end', (e) => ends.push(e.stopped));
    const good = readFileSync.bind(null);
    const error = await trainer.run().catch((e: unknown) => e);
    expect(PrefoptError.is(error, 'numeric')).toBe(true);
    expect((error as Error).message).toMatch(/step 4: loss is NaN/);
    expect(ends).toEqual(['error']);
    expect(readdirSync(out).sort()).toEqual(['checkpoint-1', 'checkpoint-2', 'checkpoint-3']); // no temp folders
    const w3 = JSON.parse(good(join(out, 'checkpoint-3', 'weights.json'), 'utf8')) as number[][];
    expect(w3.flat().every(Number.isFinite)).toBe(true);
    expect(policy.weights().flatMap((w) => Array.from(w))).toEqual(w3.flat().map(Math.fround)); // no update applied
    expect(existsSync(join(out, 'checkpoint-4'))).toBe(false);
    trainer.dispose();
    policy.dispose();
  });
});
