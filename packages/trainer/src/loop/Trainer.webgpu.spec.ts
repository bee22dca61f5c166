import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { afterAll, describe, expect, it } from 'vitest';
import { webgpuAdapter } from '@prefopt/backend-webgpu';
import { PrefoptError, type PreferenceBatch } from '@prefopt/core';
import { createModel, modelWeights, readHfFolder, saveModel } from '@prefopt/model';
import { CheckpointStore } from '../checkpoint/CheckpointStore';
import { PairBatchStream } from '@prefopt/data';
import type { BatchStream } from '@prefopt/core';
import { frozenCopy } from '../reference/frozenCopy';
import { ModelReference } from '../reference/ModelReference';
import { testObjectives } from '../test-support/testObjectives';
import { tinyPairs } from '../test-support/tinyPairs';
import { Trainer } from './Trainer';

// Training on webgpu (Dawn, in Node): the step path reads back only with `await data()`.
// Skips, printing why, where Dawn finds no adapter; on Debian bookworm
// tools/webgpu-lavapipe.sh installs Mesa 25's lavapipe (VK_DRIVER_FILES selects it).
const available = await webgpuAdapter.isAvailable();
if (!available)
  console.log('[skip] no WebGPU adapter here: Trainer on webgpu not run (see docs/backends.md).');

const CONFIG = { dim: 16, hiddenDim: 32, layers: 2, heads: 4, kvHeads: 2, vocab: 16, seqLen: 16 };
const PAIRS = tinyPairs(12);
/** |webgpu − cpu| ≤ ATOL + RTOL·|cpu|; lavapipe measured ≤ 7.6e-7 on these runs. */
const ATOL = 1e-5;
const RTOL = 1e-4;

interface Run {
  values: number[]; // per step: loss, grad_norm, rewards/margins, logps/chosen; then eval/loss
  tensorsPerStep: number[];
  checkpoint: string;
}

/** 4 DPO-like steps (gradient accumulation 2, 20 variables) with an eval and checkpoints. */
async function train(): Promise<Run> {
  const policy = createModel(CONFIG, { seed: 3 });
  const out = mkdtempSync(join(tmpdir(), `prefopt-${tf.getBackend()}-`));
  const trainer = new Trainer({
    policy,
    objective: testObjectives.dpoLike({ beta: 0.5 }),
    train: new PairBatchStream(PAIRS, { batchSize: 3, seed: 1 }),
    eval: () => PairBatchStream.inOrder(PAIRS.slice(0, 5), 2),
    reference: () => new ModelReference(frozenCopy(policy)),
    schedule: { lr: 0.02, warmupSteps: 1, decay: 'cosine' },
    optimizer: { weightDecay: 0.1 },
    totalSteps: 4,
    gradAccum: 2,
    evalEvery: 4,
    saveEvery: 2,
    checkpoints: new CheckpointStore(out, (dir) => saveModel(policy, dir)),
  });
  const values: number[] = [];
  const tensorsPerStep: number[] = [];
  trainer.on('step', (m) => {
    values.push(m.loss, m.grad_norm, m['rewards/margins'], m['logps/chosen']);
    tensorsPerStep.push(tf.memory().numTensors);
  });
  trainer.on('eval', (m) => values.push(m['eval/loss']));
  let checkpoint = '';
  trainer.on('checkpoint', (c) => (checkpoint = c.dir));
  await trainer.run();
  // The last checkpoint holds the policy's final weights, read back from the device.
  const saved = readHfFolder(checkpoint).weights;
  const live = await modelWeights(policy);
  expect([...saved.keys()]).toEqual([...live.keys()]);
  for (const [name, a] of live) expect(saved.get(name)).toEqual(a);
  trainer.dispose();
  policy.dispose();
  return { values, tensorsPerStep, checkpoint };
}

describe.skipIf(!available)('Trainer on the webgpu backend', () => {
  let cpu: Run;
  let gpu: Run;

  afterAll(() => tf.setBackend('cpu'));

  it('trains: losses, norms and eval equal the cpu backend within 1e-5 + 1e-4·|cpu|', async () => {
    await tf.setBackend('cpu');
    cpu = await train();
    await webgpuAdapter.activate();
    expect(tf.getBackend()).toBe('webgpu');
    const before = tf.memory().numTensors;
    gpu = await train();
    expect(tf.memory().numTensors).toBe(before);
    expect(gpu.values).toHaveLength(4 * 4 + 1);
    expect(gpu.values.every(Number.isFinite)).toBe(true);
    gpu.values.forEach((v, i) =>
      expect(Math.abs(v - cpu.values[i]), `value ${i}`).toBeLessThanOrEqual(
        ATOL + RTOL * Math.abs(cpu.values[i]),
      ),
    );
    // DPO starts at policy = reference: loss log 2, then it must move (the update ran).
    expect(gpu.values[0]).toBeCloseTo(Math.LN2, 6);
    expect(gpu.values[12]).toBeLessThan(Math.LN2);
  });

  it('leaves the tensor count unchanged from step to step on webgpu', () => {
    expect(gpu.tensorsPerStep).toHaveLength(4);
    expect(new Set(gpu.tensorsPerStep).size).toBe(1);
  });

  it('objective.compute checks shapes on webgpu but never reads lengths back', async () => {
    await webgpuAdapter.activate();
    const simpo = testObjectives.simpoLike();
    const [c, r] = [tf.tensor1d([-2, -3]), tf.tensor1d([-4, -1])];
    // Lengths computed on the device: a synchronous read of them would throw in Node.
    const lengths = { chosen: tf.add(tf.tensor1d([1, 2]), 0), rejected: tf.ones([2]) };
    const before = tf.memory().numTensors;
    const out = simpo.compute({ policy: { chosen: c, rejected: r }, lengths } as never);
    // β = 2: chosen rewards 2·(−2/1, −3/2) = (−4, −3)
    expect(Array.from(await out.chosenRewards.data())).toEqual([-4, -3]);
    tf.dispose([out.loss, out.losses, out.chosenRewards, out.rejectedRewards]);
    expect(tf.memory().numTensors).toBe(before);
    const short = tf.ones([1]);
    expect(() =>
      simpo.compute({
        policy: { chosen: c, rejected: r },
        lengths: { ...lengths, rejected: short },
      } as never),
    ).toThrow(/lengths.rejected has shape \[1\], expected \[2\]/);
    tf.dispose([c, r, lengths.chosen, lengths.rejected, short]);
  });

  it('rejects a batch row without completion tokens before its forward pass', async () => {
    await webgpuAdapter.activate();
    const policy = createModel(CONFIG, { seed: 3 });
    // B = 1, T = 3: row 0 (chosen) scores token 2; row 1 (rejected) scores nothing.
    const batch: PreferenceBatch = {
      size: 1,
      seqLen: 3,
      inputIds: new Int32Array([1, 2, 3, 1, 2, 0]),
      completionMask: new Float32Array([0, 0, 1, 0, 0, 0]),
    };
    const stream: BatchStream = {
      batchesPerEpoch: 1,
      next: () => batch,
      position: () => null,
      restore: () => undefined,
    };
    const trainer = new Trainer({
      policy,
      objective: testObjectives.simpoLike(),
      train: stream,
      schedule: { lr: 0.01, warmupSteps: 0, decay: 'constant' },
      totalSteps: 1,
    });
    const before = tf.memory().numTensors;
    const error = await trainer.run().catch((e: unknown) => e);
    expect(PrefoptError.is(error, 'input')).toBe(true);
    expect((error as Error).message).toMatch(/batch pair 0: the rejected completion has no/);
    expect(tf.memory().numTensors).toBe(before);
    trainer.dispose();
    policy.dispose();
  });
});
